#!/usr/bin/env bash
# npm start — the whole desk on one machine: installs dependencies if needed, prepares the
# database in a short-lived process (embedded PGlite by default: created, migrated and seeded with
# demo data; with DATABASE_URL: migrated), builds if the sources changed, and serves on $PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
PORT=${PORT:-3000}

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[start] installing dependencies"
  # `npm install` rather than `npm ci`: see scripts/test.sh.
  npm install --no-audit --no-fund
fi

node --conditions=react-server --import tsx scripts/setup.ts

stale=""
if [ ! -f .next/BUILD_ID ]; then
  stale=yes
elif [ -n "$(find app components lib db proxy.ts next.config.js package-lock.json public -newer .next/BUILD_ID -print -quit 2>/dev/null)" ]; then
  stale=yes
fi
if [ -n "$stale" ]; then
  echo "[start] building"
  node node_modules/next/dist/bin/next build
fi

echo "[start] Switchboard on http://localhost:${PORT}"
exec node scripts/server.mjs -p "$PORT"
