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

echo "==> browser tests (Chromium)"
e2e_db=$(mktemp -d /tmp/kakehashi-e2e.XXXXXX)
e2e_port=$(free_port)
./build/kakehashi migrate --db "sqlite:$e2e_db/e2e.db" >/dev/null
./build/kakehashi demo-data --db "sqlite:$e2e_db/e2e.db" >/dev/null
./build/kakehashi serve --db "sqlite:$e2e_db/e2e.db" --listen "127.0.0.1:$e2e_port" --web-root web/dist \
  >"$e2e_db/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$e2e_port/api/v1/health" >/dev/null && break; sleep 0.1; done
KAKEHASHI_URL="http://127.0.0.1:$e2e_port" node --test --test-concurrency=1 e2e/tests/ \
  || { echo "--- server log (last 40 lines)"; tail -40 "$e2e_db/server.log"; exit 1; }
rm -rf "$e2e_db"
echo "==> all tests passed"
