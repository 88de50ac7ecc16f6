#!/usr/bin/env bash
# Builds and runs the benchmarks: the engines on one core, with a throw-away PostgreSQL for the SQL baseline, then
# the speed at the edge (server/bench/edge.sh, issue 17: search API vs nginx, writes per second, stream fan-out),
# which uses every core and needs the machine to itself.
# Usage: server/bench/run.sh [seekers] [postings]     (defaults: 1000000 100000; the board uses 8,300 facilities;
#        the placement benchmark its own JRMP- and NRMP-size instances; the career rules 10,000 doctors; the chat
#        benchmark the shipped FAQ)
# Never part of `make test`: timings depend on the machine; the figures and ratios are printed to read.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/install-deps.sh test
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DKAKEHASHI_BENCH=ON >/dev/null
cmake --build build --target kakehashi matching_bench board_bench reference_bench placement_bench career_rules_bench workenv_bench chat_bench
source scripts/test-services.sh
trap stop_postgres EXIT
start_postgres
export KAKEHASHI_BENCH_PG_URL=$KAKEHASHI_TEST_PG_URL
# The demo's postings, for the score spread (matching_bench's third argument).
demo_dir=$(mktemp -d)
trap 'stop_postgres; rm -rf "$demo_dir"' EXIT
./build/kakehashi demo-data --db "sqlite:$demo_dir/demo.db" >/dev/null
# One core, as the target says.
taskset -c 0 ./build/matching_bench "${1:-1000000}" "${2:-100000}" "$demo_dir/demo.db"
echo
taskset -c 0 ./build/board_bench 8300
echo
taskset -c 0 ./build/reference_bench
echo
# Placement (issue 14): JRMP and NRMP size, each mechanism against a plain std::map DA (no database needed).
taskset -c 0 ./build/placement_bench
echo
# Career rules (issue 13): 10,000 obligated doctors' plans and ledgers against a programme of every rule kind.
taskset -c 0 ./build/career_rules_bench 10000
echo
# Work-environment centre (issue 15): one month's upload of 300 hospitals / 20,000 doctors and the priority list.
taskset -c 0 ./build/workenv_bench 300 20000
echo
# Chat retrieval (issue 16): top-1/top-3, confident wrong, fallback for words / bigrams / fused, and reply time.
taskset -c 0 ./build/chat_bench
echo
# The same on the second held-out set (colloquial questions written after the synonyms of 2026-12-03 were added)
# and on the third (written blind by someone who never saw the FAQ's paraphrases' purpose or the other sets):
# server/src/chat_retrieval/README.md says what each set is still clean of.
echo "# second held-out set: server/bench/data/chat_eval_colloquial.json"
taskset -c 0 ./build/chat_bench server/data/chat/faq.json server/data/chat/synonyms.json server/bench/data/chat_eval_colloquial.json | grep -v '^reply time'
echo
echo "# third held-out set: server/bench/data/chat_eval_third.json"
taskset -c 0 ./build/chat_bench server/data/chat/faq.json server/data/chat/synonyms.json server/bench/data/chat_eval_third.json | grep -v '^reply time'
echo
# Speed at the edge (issue 17). Its own PostgreSQL; this one is no longer needed.
stop_postgres
echo "# edge benchmarks next: they need the machine to themselves (run nothing else meanwhile)"
server/bench/edge.sh "${2:-100000}"
