#!/usr/bin/env bash
# Installs what Kakehashi needs on Debian 12, and only what is missing: apt packages, then npm packages.
# Usage: scripts/install-deps.sh [demo|test|fuzz]   (test adds PostgreSQL, the SMTP sink and Chromium; fuzz adds
# clang 16 with its libFuzzer and sanitizer runtimes — clang 14 cannot compile our std::expected code against
# libstdc++ 12)
set -euo pipefail
cd "$(dirname "$0")/.."
purpose=${1:-demo}

build_packages=(g++ cmake ninja-build ccache pkg-config make libboost1.81-dev libboost-json1.81-dev
  libboost-url1.81-dev libsodium-dev libssl-dev libsqlite3-dev libpq-dev libcurl4-openssl-dev libicu-dev libspdlog-dev
  libgtest-dev libbenchmark-dev sqlite3 curl ca-certificates mecab libmecab-dev mecab-ipadic-utf8)
test_packages=(postgresql-15 postgresql-client-15 python3 python3-aiosmtpd chromium fonts-noto-cjk nginx)
fuzz_packages=(clang-16 libclang-rt-16-dev)

wanted=("${build_packages[@]}")
[ "$purpose" = test ] && wanted+=("${test_packages[@]}")
[ "$purpose" = fuzz ] && wanted+=("${fuzz_packages[@]}")
# Node.js 20+ is what Vite needs; the machine image ships it. Only fall back to Debian's when there is none.
command -v node >/dev/null 2>&1 || wanted+=(nodejs npm)

missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> installing apt packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm ci only when the lock file changed since the last install (node_modules/.package-lock.json is npm's own stamp).
npm_install() {
  local dir=$1
  [ -f "$dir/package-lock.json" ] || return 0
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "==> npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
npm_install web
[ "$purpose" = test ] && npm_install e2e
exit 0
