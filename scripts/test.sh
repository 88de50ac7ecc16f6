#!/usr/bin/env bash
# `make test`: installs, builds and runs every test — C++ unit tests (SQLite and PostgreSQL), API tests over
# real HTTP on both databases with a real SMTP sink, web unit tests, and browser tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scripts/install-deps.sh test
scripts/build.sh

source scripts/test-services.sh
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  stop_smtp_sink
  stop_postgres
}
trap cleanup EXIT
start_postgres
start_smtp_sink
export KAKEHASHI_BIN="$root/build/kakehashi"

echo "==> C++ unit tests"
(cd build && ctest --output-on-failure -j 2)

for db in sqlite postgres; do
  echo "==> API tests on $db"
  KAKEHASHI_TEST_DB=$db node --test --test-concurrency=1 server/tests/api/
done

echo "==> web unit tests"
(cd web && npm test --silent)

# Browser tests against a demo server on each database.
run_browser_tests() {
  local db=$1 dir port
  dir=$(mktemp -d /tmp/kakehashi-e2e.XXXXXX)
  port=$(free_port)
  ./build/kakehashi demo-data --db "$db" >/dev/null
  # As in the demo, no role is forced to a second factor, so the tests can log in as every role; the enforcement
  # has its own API test (server/tests/api/second_factor.test.mjs).
  ./build/kakehashi serve --db "$db" --listen "127.0.0.1:$port" --web-root web/dist --second-factor-roles none \
    >"$dir/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done
  KAKEHASHI_URL="http://127.0.0.1:$port" node --test --test-concurrency=1 e2e/tests/ \
    || { echo "--- server log (last 40 lines)"; tail -40 "$dir/server.log"; return 1; }
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
  rm -rf "$dir"
}

echo "==> browser tests (Chromium) on sqlite"
e2e_dir=$(mktemp -d /tmp/kakehashi-e2e-db.XXXXXX)
run_browser_tests "sqlite:$e2e_dir/e2e.db"
rm -rf "$e2e_dir"

echo "==> browser tests (Chromium) on postgres"
as_pg_user /usr/lib/postgresql/15/bin/createdb -h 127.0.0.1 -p "$PG_PORT" -U kakehashi kakehashi_e2e
run_browser_tests "postgresql://kakehashi@127.0.0.1:$PG_PORT/kakehashi_e2e"

echo "==> all tests passed"
