#!/usr/bin/env bash
# `make test`: installs, builds and runs every test — C++ unit tests (SQLite and PostgreSQL), API tests over
# real HTTP on both databases with a real SMTP sink, web unit tests, and browser tests in Debian's Chromium.
# Then the same C++ again built with AddressSanitizer + UndefinedBehaviorSanitizer (build-asan, compiled in the
# background while the tests above run): its unit tests, the fuzz targets over their seed corpora, and the API
# tests on SQLite against the sanitized server. Any sanitizer report fails the run (docs/fuzzing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scripts/install-deps.sh test
scripts/build.sh

# The sanitizer build, niced, in its own process group (so cleanup can stop all of it), while the Release tests run.
# ccache: the debug info holds paths, so make the cache independent of where the clone is (CI uses a fresh one).
# It writes its exit status to a file: the lane that waits for it (below) is not its parent, so cannot `wait` for it.
asan_build_log=$(mktemp /tmp/kakehashi-asan-build.XXXXXX)
asan_build_status=$asan_build_log.status
ASAN_BUILD_PID=
asan_build_started=$(date +%s)
CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1 setsid nice -n 10 bash -c '
  status=0
  (
    set -e
    [ -f build-asan/build.ninja ] || cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKAKEHASHI_SANITIZE=ON
    echo "*" >build-asan/.gitignore
    cmake --build build-asan -j "$(nproc)"
  ) || status=$?
  echo "$status" >"$1"' _ "$asan_build_status" >"$asan_build_log" 2>&1 &
ASAN_BUILD_PID=$!

source scripts/test-services.sh
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -n "$ASAN_BUILD_PID" ] && kill -- -"$ASAN_BUILD_PID" 2>/dev/null || true
  stop_smtp_sink
  stop_postgres
  rm -f "$asan_build_log" "$asan_build_status"
}
trap cleanup EXIT
start_postgres
start_smtp_sink
export KAKEHASHI_BIN="$root/build/kakehashi"

echo "==> C++ unit tests"
(cd build && ctest --output-on-failure -j 2)

# The demo data written once per API pass, by the binary under test; each test server then starts from a copy
# (server/tests/api/harness.mjs). A SQLite file, or a PostgreSQL database used as CREATE DATABASE's template.
demo_template() {
  local kind=$1
  if [ "$kind" = postgres ]; then
    local name="kh_demo_template_$$_${RANDOM}"
    as_pg_user /usr/lib/postgresql/15/bin/createdb -h 127.0.0.1 -p "$PG_PORT" -U kakehashi "$name"
    "$KAKEHASHI_BIN" demo-data --db "postgresql://kakehashi@127.0.0.1:$PG_PORT/$name" >/dev/null
    export KAKEHASHI_TEST_DEMO_TEMPLATE=$name
  else
    local dir
    dir=$(mktemp -d /tmp/kakehashi-demo.XXXXXX)
    "$KAKEHASHI_BIN" demo-data --db "sqlite:$dir/demo.db" >/dev/null
    export KAKEHASHI_TEST_DEMO_TEMPLATE=$dir/demo.db
  fi
}

# Independent lanes at once (name, function, name, function, ...), each printed whole when all are done (so their
# lines do not interleave); any failing fails the run. The run is CPU-bound on 2 cores, but every lane alone
# leaves a core partly idle (servers starting, mails and pages awaited), which the others fill.
run_side_by_side() {
  local names=() pids=() logs=() statuses=() started i failed=
  started=$(date +%s)
  while [ $# -gt 0 ]; do
    names+=("$1"); logs+=("$(mktemp /tmp/kakehashi-pass.XXXXXX)")
    "$2" >"${logs[-1]}" 2>&1 & pids+=($!)
    shift 2
  done
  for i in "${!pids[@]}"; do
    statuses[i]=0
    wait "${pids[i]}" || statuses[i]=$?
  done
  for i in "${!names[@]}"; do
    echo "==> ${names[i]}"; cat "${logs[i]}"; rm -f "${logs[i]}"
    [ "${statuses[i]}" -eq 0 ] || failed="$failed ${names[i]} (${statuses[i]})"
  done
  echo "    all done in $(( $(date +%s) - started ))s"
  [ -z "$failed" ] || { echo "==> failed:$failed"; return 1; }
}

# Each API pass has its own SMTP sink: tests wait for mails to fixed demo addresses, and the other pass's would
# look like theirs.
api_pass() {
  local db=$1
  start_smtp_sink >/dev/null
  trap stop_smtp_sink EXIT
  demo_template "$db"
  KAKEHASHI_TEST_DB=$db node --test --test-concurrency=1 server/tests/api/
}
api_pass_sqlite() { ( api_pass sqlite ); }
api_pass_postgres() { ( api_pass postgres ); }
run_side_by_side "API tests on sqlite" api_pass_sqlite "API tests on postgres" api_pass_postgres

# Three processes on one PostgreSQL behind nginx, with a process killed and the database restarted; it drives
# Chromium through nginx too. No other database test runs meanwhile: it stops the shared PostgreSQL for a moment.
# The web unit tests (no database, no server) run beside it, in the time it spends waiting for processes.
cluster_tests() { KAKEHASHI_TEST_DB=postgres node --test --test-concurrency=1 server/tests/cluster/; }
web_unit_tests() { (cd web && npm test --silent); }
run_side_by_side "cluster test (three processes behind nginx, PostgreSQL)" cluster_tests "web unit tests" web_unit_tests

# Browser tests against a demo server on each database; each pass in its own subshell (its own server).
run_browser_tests() {
  local db=$1 dir port
  local browser_pid
  trap '[ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null; [ -n "${browser_pid:-}" ] && kill "$browser_pid" 2>/dev/null || true' EXIT
  dir=$(mktemp -d /tmp/kakehashi-e2e.XXXXXX)
  port=$(free_port)
  # One Chromium for all the pass's files, each test still in a fresh context (e2e/lib/browser.mjs says why).
  node e2e/browser_server.mjs >"$dir/browser.address" 2>"$dir/browser.log" &
  browser_pid=$!
  for _ in $(seq 100); do [ -s "$dir/browser.address" ] && break; sleep 0.1; done
  export KAKEHASHI_BROWSER_WS
  KAKEHASHI_BROWSER_WS=$(head -1 "$dir/browser.address")
  [ -n "$KAKEHASHI_BROWSER_WS" ] || { echo "--- Chromium did not start"; cat "$dir/browser.log"; return 1; }
  ./build/kakehashi demo-data --db "$db" >/dev/null
  # As in the demo, no role is forced to a second factor, so the tests can log in as every role; the enforcement
  # has its own API test (server/tests/api/second_factor.test.mjs).
  # --demo: the browser tests read mails on the demo's sent-mail page, as a person trying the demo does.
  ./build/kakehashi serve --demo --db "$db" --listen "127.0.0.1:$port" --web-root web/dist --second-factor-roles none \
    >"$dir/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done
  KAKEHASHI_URL="http://127.0.0.1:$port" KAKEHASHI_E2E_REQUIRE_DEMO_MAILS=1 node --test --test-concurrency=1 e2e/tests/ \
    || { echo "--- server log (last 40 lines)"; tail -40 "$dir/server.log"; return 1; }
  kill "$SERVER_PID" "$browser_pid"; wait "$SERVER_PID" "$browser_pid" 2>/dev/null || true
  SERVER_PID= browser_pid=
  rm -rf "$dir"
}

e2e_dir=$(mktemp -d /tmp/kakehashi-e2e-db.XXXXXX)
browser_pass_sqlite() { ( run_browser_tests "sqlite:$e2e_dir/e2e.db" ); }
browser_pass_postgres() {
  as_pg_user /usr/lib/postgresql/15/bin/createdb -h 127.0.0.1 -p "$PG_PORT" -U kakehashi kakehashi_e2e
  ( run_browser_tests "postgresql://kakehashi@127.0.0.1:$PG_PORT/kakehashi_e2e" )
}

# The sanitizer lane: waits for the background build, then the C++ unit tests and fuzz corpus replays, and the
# API tests on SQLite against the sanitized server (api_pass: its own SMTP sink and demo template).
sanitizer_lane() {
  while [ ! -s "$asan_build_status" ]; do
    kill -0 "$ASAN_BUILD_PID" 2>/dev/null || { echo "--- the sanitizer build stopped without a result"; return 1; }
    sleep 2
  done
  echo "==> sanitizer build (ASan + UBSan, build-asan): ready $(( $(date +%s) - asan_build_started ))s after it started"
  if [ "$(cat "$asan_build_status")" != 0 ]; then
    echo "--- sanitizer build log (last 60 lines)"; tail -60 "$asan_build_log"; return 1
  fi

  # A report ends the process with an error (abort_on_error, halt_on_error); a leak found at exit does too.
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  export LSAN_OPTIONS="suppressions=$root/server/fuzz/lsan.supp:print_suppressions=0"

  echo "==> C++ unit tests and fuzz corpus replays under ASan + UBSan"
  (cd build-asan && ctest --output-on-failure -j 2) || return 1

  echo "==> API tests on sqlite against the ASan + UBSan server"
  # The harness notices a server that dies, not one that printed a report and went on, or leaked at exit: every
  # sanitized process writes its reports into a directory instead, and any file there fails the run.
  local sanitizer_reports api_status=0
  sanitizer_reports=$(mktemp -d /tmp/kakehashi-sanitizer.XXXXXX)
  export ASAN_OPTIONS="$ASAN_OPTIONS:log_path=$sanitizer_reports/asan" UBSAN_OPTIONS="$UBSAN_OPTIONS:log_path=$sanitizer_reports/ubsan"
  export KAKEHASHI_BIN="$root/build-asan/kakehashi"
  api_pass sqlite || api_status=$?
  if [ -n "$(ls -A "$sanitizer_reports")" ]; then
    echo "--- sanitizer reports of the server (in $sanitizer_reports):"
    for f in "$sanitizer_reports"/*; do echo "### $f"; head -80 "$f"; done
    return 1
  fi
  rm -rf "$sanitizer_reports"
  return "$api_status"
}
sanitizer_pass() { ( sanitizer_lane ); }

run_side_by_side \
  "browser tests (Chromium) on sqlite" browser_pass_sqlite \
  "browser tests (Chromium) on postgres" browser_pass_postgres \
  "sanitizer build, unit tests and API tests on sqlite (ASan + UBSan)" sanitizer_pass
ASAN_BUILD_PID=
rm -rf "$e2e_dir"

echo "==> all tests passed"
