#!/usr/bin/env bash
# Starts one app server for the browser tests: `e2e-server.sh postgres|pglite <port>`.
# PostgreSQL servers use the database scripts/test.sh prepared; the embedded one builds its own
# fresh database first, exactly as a new user's first start does.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=$1
port=$2
export NEXT_TELEMETRY_DISABLED=1
if [ "$mode" = "pglite" ]; then
  unset DATABASE_URL
  rm -rf "$DATA_DIR"
  node --conditions=react-server --import tsx scripts/setup.ts
fi
exec node scripts/server.mjs -p "$port" -H 127.0.0.1
