#!/usr/bin/env bash
# The native suite again, built with AddressSanitizer and UndefinedBehaviorSanitizer (build-asan/):
# any leak, overflow or undefined behaviour in the core fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="$(nproc 2>/dev/null || echo 2)"
if [ ! -f build-asan/CMakeCache.txt ]; then
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDESCENT_SANITIZE=ON >/dev/null
fi
cmake --build build-asan -j "$jobs"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build-asan --output-on-failure
