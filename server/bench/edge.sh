#!/usr/bin/env bash
# Speed at the edge (issue 17), figures and ratios printed in one run, never asserted:
#  1. the anonymous posting search (GET /api/v1/postings, 20 items with facets) on N published postings against
#     the physical limit: nginx serving the very same JSON as a static file, and /api/v1/health alone;
#     wrk, 64 connections. Target: the API at >= 0.5x nginx's requests per second, p99 <= 10 ms.
#  2. the write path: postings created per second through the API, on SQLite and on PostgreSQL, with one process
#     and with three processes on the same PostgreSQL (server/bench/write_path.mjs).
#  3. the live-stream fan-out: 10,000 open event streams on one process and one notice to all of them, p99 delivery
#     time and memory per idle stream (server/bench/fanout.mjs), once on shared cores and once with the clients'
#     side on a core of its own (--split).
# Usage: server/bench/edge.sh [postings]   (default 100000). It needs the machine to itself: run nothing else.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
count=${1:-100000}
scripts/install-deps.sh test >/dev/null
command -v wrk >/dev/null || { apt-get install -y -qq --no-install-recommends wrk >/dev/null; }
scripts/build.sh >/dev/null
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DKAKEHASHI_BENCH=ON >/dev/null
cmake --build build --target kakehashi fanout_client >/dev/null
echo "# edge benchmarks on $(nproc) cores — they need the machine to themselves (nothing else running)"

source scripts/test-services.sh
dir=$(mktemp -d /tmp/kakehashi-edge.XXXXXX)
chmod 755 "$dir"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; stop_postgres; rm -rf "$dir"; }
trap cleanup EXIT

# N published postings: the demo's, each copied with a new id and a numbered title until there are enough.
./build/kakehashi demo-data --db "sqlite:$dir/edge.db" >/dev/null
cols=$(sqlite3 "$dir/edge.db" "SELECT group_concat(name, ',') FROM pragma_table_info('postings')")
exprs=$(echo "$cols" | tr ',' '\n' | sed -e "s/^id$/p.id || 'x' || n.i/" -e "s/^title$/p.title || ' ' || n.i/" | paste -sd, -)
have=$(sqlite3 "$dir/edge.db" "SELECT COUNT(*) FROM postings WHERE status = 'published'")
copies=$(( (count - have) / have + 1 ))
sqlite3 "$dir/edge.db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $copies)
  INSERT INTO postings ($cols) SELECT $exprs FROM postings p, n WHERE p.status = 'published' LIMIT $((count - have))"
echo "# published postings: $(sqlite3 "$dir/edge.db" "SELECT COUNT(*) FROM postings WHERE status = 'published'")"

api_port=$(free_port)
./build/kakehashi serve --db "sqlite:$dir/edge.db" --listen "127.0.0.1:$api_port" --web-root '' >"$dir/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 600); do curl -sf "http://127.0.0.1:$api_port/api/v1/health" >/dev/null && break; sleep 0.1; done
search="/api/v1/postings?per_page=20"
mkdir -p "$dir/static"
curl -sf "http://127.0.0.1:$api_port$search" >"$dir/static/postings.json"
echo "# response: $(wc -c <"$dir/static/postings.json") bytes"

nginx_port=$(free_port)
mkdir -p "$dir/nginx"
cat >"$dir/nginx/nginx.conf" <<EOF
$([ "$(id -u)" -eq 0 ] && echo 'user root;')
worker_processes auto;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $dir/nginx; proxy_temp_path $dir/nginx; fastcgi_temp_path $dir/nginx;
  uwsgi_temp_path $dir/nginx; scgi_temp_path $dir/nginx;
  server {
    listen 127.0.0.1:$nginx_port;
    location = /postings.json { root $dir/static; default_type application/json; add_header Cache-Control no-store; }
  }
}
EOF
nginx -p "$dir/nginx" -e "$dir/nginx/error.log" -c "$dir/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nginx_port/postings.json" >/dev/null && break; sleep 0.1; done

# wrk's summary: requests per second and the 99th percentile latency.
measure() {
  local out rps p99
  out=$(wrk -t2 -c64 -d10s --latency "$1")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  echo "$rps $p99"
}
wrk -t2 -c64 -d3s "http://127.0.0.1:$api_port$search" >/dev/null  # warm-up
read -r nginx_rps nginx_p99 < <(measure "http://127.0.0.1:$nginx_port/postings.json")
read -r api_rps api_p99 < <(measure "http://127.0.0.1:$api_port$search")
read -r health_rps health_p99 < <(measure "http://127.0.0.1:$api_port/api/v1/health")
printf '%-44s %12s req/s  p99 %s\n' "nginx, the same JSON as a static file" "$nginx_rps" "$nginx_p99"
printf '%-44s %12s req/s  p99 %s\n' "GET $search" "$api_rps" "$api_p99"
printf '%-44s %12s req/s  p99 %s\n' "GET /api/v1/health" "$health_rps" "$health_p99"
awk -v a="$api_rps" -v n="$nginx_rps" 'BEGIN { printf "search API / nginx static: %.3fx (target >= 0.5x, p99 <= 10 ms)\n", a / n }'
kill "${pids[@]}" 2>/dev/null || true
pids=()
echo

# The write path and the fan-out run in Node against real servers (PostgreSQL for the multi-process case).
start_postgres >/dev/null
KAKEHASHI_BIN="$root/build/kakehashi" node server/bench/write_path.mjs
echo
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true  # 10,000 streams: a descriptor each, on both ends
KAKEHASHI_BIN="$root/build/kakehashi" node server/bench/fanout.mjs 10000
echo
# The same with the client's side (its process and loopback's receiving TCP work) on a core of its own, as clients on
# a network would be: what the server's sending takes on its one remaining core.
KAKEHASHI_BIN="$root/build/kakehashi" node server/bench/fanout.mjs 10000 --split
