#!/usr/bin/env bash
# Builds the server (Release, Ninja, ccache) and the web app. Incremental: a second run only redoes what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build build -j "$jobs"
# The web app is rebuilt only when a source file is newer than the last build.
if [ ! -f web/dist/index.html ] || [ -n "$(find web/src web/index.html web/package.json -newer web/dist/index.html -print -quit 2>/dev/null)" ]; then
  echo "==> building the web app"
  (cd web && npm run build --silent)
fi
