#!/usr/bin/env bash
# Builds descent: the native library, CLI and Catch2 tests (build/), the WASM engine (build-wasm/),
# then the static page (dist/). Each step is incremental; a failure names the step that failed.
set -euo pipefail
cd "$(dirname "$0")/.."

jobs="$(nproc 2>/dev/null || echo 2)"

step() {
  local name="$1"
  shift
  echo "== descent build: $name"
  if ! "$@"; then
    echo "descent build: FAILED at step '$name' (command: $*)" >&2
    exit 1
  fi
}

# Configure once; afterwards `cmake --build` re-runs configuration by itself when CMakeLists.txt changes.
if [ ! -f build/CMakeCache.txt ]; then
  step "configure native (build/)" cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
fi
step "compile native (build/)" cmake --build build -j "$jobs"

if [ ! -f build-wasm/CMakeCache.txt ]; then
  step "configure wasm (build-wasm/)" emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node -DDESCENT_TESTS=OFF
fi
step "compile wasm (build-wasm/engine-core.mjs)" cmake --build build-wasm -j "$jobs"

step "bundle page (dist/)" node scripts/build-web.mjs
echo "== descent build: done"
