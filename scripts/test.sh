#!/usr/bin/env bash
# npm test — every check, on a fresh machine too: installs what is missing (npm packages, Debian's
# chromium and postgresql), starts a PostgreSQL cluster, then runs the type check, lint, unit and
# integration tests on PGlite and on PostgreSQL, the production build, and Playwright in Chromium
# (against the built app on PostgreSQL, plus a smoke test of the embedded default).
# Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
ROOT=$(pwd)
OUT="$ROOT/.data/test-results"
rm -rf "$OUT" && mkdir -p "$OUT"
passed=0
failed=0
failures=()

log() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
record() { # record <name> <passed> <failed>
  passed=$((passed + $2))
  failed=$((failed + $3))
  if [ "$3" -gt 0 ]; then failures+=("$1 ($3)"); fi
  echo "-- $1: $2 passed, $3 failed"
}
check() { # check <name> <command...>: one pass or one failure
  local name=$1
  shift
  log "$name"
  if "$@"; then record "$name" 1 0; else record "$name" 0 1; fi
}

# ---------------------------------------------------------------- install what is missing
need_apt=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]} (Debian)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null || { echo "apt-get install failed"; }
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # `npm install`, not `npm ci`: the registry mirror here lacks other platforms' optional builds
  # (e.g. @next/swc-darwin-*), so the lock file cannot list them and `npm ci` refuses it.
  # `npm install` installs exactly the locked versions for this platform and leaves the lock alone.
  log "npm install"
  npm install --no-audit --no-fund || { echo "npm install failed"; echo "0 passed, 1 failed"; exit 1; }
fi

# ---------------------------------------------------------------- PostgreSQL
PG_VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)
start_postgres() {
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$PG_VERSION main$"; then
    pg_createcluster "$PG_VERSION" main >/dev/null
  fi
  pg_ctlcluster "$PG_VERSION" main start 2>/dev/null || true
  PG_PORT=$(pg_lsclusters -h | awk -v v="$PG_VERSION" '$1==v && $2=="main" {print $3}')
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break; sleep 1; done
  su postgres -c "psql -q -p $PG_PORT -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'switchboard') THEN CREATE ROLE switchboard LOGIN PASSWORD 'switchboard' CREATEDB; END IF; END \\\$\\\$;\"" >/dev/null
  # Test databases are dropped WITH (FORCE), which must be allowed to end any backend in them.
  su postgres -c "psql -q -p $PG_PORT -c 'GRANT pg_signal_backend TO switchboard'" >/dev/null
}
log "PostgreSQL $PG_VERSION"
if [ -n "${TEST_PG_URL:-}" ]; then
  echo "using TEST_PG_URL"
elif start_postgres; then
  export TEST_PG_URL="postgres://switchboard:switchboard@127.0.0.1:${PG_PORT}/postgres"
else
  echo "could not start PostgreSQL"
fi
# Each checkout gets its own e2e database, so two checkouts can test at once.
RUN_ID=$(printf '%s' "$ROOT" | md5sum | cut -c1-8)
export E2E_DATABASE_URL="${TEST_PG_URL%/*}/switchboard_e2e_${RUN_ID}"

# ---------------------------------------------------------------- checks
check "type check" npx tsc --noEmit
check "lint" npm run -s lint

vitest_pass() { # vitest_pass <name> <env...>
  local name=$1
  shift
  log "unit and integration tests on $name"
  env "$@" npx vitest run --reporter=default --reporter=json --outputFile.json="$OUT/vitest-$name.json"
  read -r p f < <(node scripts/count-results.mjs vitest "$OUT/vitest-$name.json")
  record "vitest ($name)" "$p" "$f"
}
vitest_pass pglite TEST_DB=pglite
vitest_pass postgres TEST_DB=postgres "TEST_PG_URL=$TEST_PG_URL"

check "production build" npx next build

log "browser tests (Chromium)"
e2e_db=${E2E_DATABASE_URL##*/}
su postgres -c "psql -q -p $PG_PORT -c 'DROP DATABASE IF EXISTS $e2e_db WITH (FORCE)' -c 'CREATE DATABASE $e2e_db OWNER switchboard'" >/dev/null
if DATABASE_URL="$E2E_DATABASE_URL" SEED_DEMO=true DATA_DIR="$ROOT/.data/e2e/pg-a" node --conditions=react-server --import tsx scripts/setup.ts; then
  E2E_JSON_REPORT="$OUT/playwright.json" NODE_OPTIONS=--conditions=react-server npx playwright test
  read -r p f < <(node scripts/count-results.mjs playwright "$OUT/playwright.json")
  record "playwright" "$p" "$f"
else
  record "e2e database set-up" 0 1
fi

# ---------------------------------------------------------------- summary
echo
if [ ${#failures[@]} -gt 0 ]; then echo "failed: ${failures[*]}"; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
