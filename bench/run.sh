#!/usr/bin/env bash
# `npm run bench`: the native evaluator (build-bench/), the WASM engine in Node and the page in Chromium,
# each figure a ratio against a peer timed in the same run. Writes bench/results.json and prints a table.
# Expects `npm run build` to have run (npm run bench does it first).
set -euo pipefail
cd "$(dirname "$0")/.."

# The native benchmark's two peers come from Debian: Google Benchmark and muParser.
missing=()
[ -e /usr/include/benchmark/benchmark.h ] || missing+=(libbenchmark-dev)
[ -e /usr/include/muParser.h ] || missing+=(libmuparser-dev)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "descent bench: missing system packages: ${missing[*]}" >&2
    echo "  install them with:  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "descent bench: installing ${missing[*]} from apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

jobs="$(nproc 2>/dev/null || echo 2)"
work=build-bench
mkdir -p "$work"
# The machine as it was when the run started: timings on a busy machine are slower, ratios less so.
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"

echo "== descent bench: build ($work/)"
if [ ! -f "$work/CMakeCache.txt" ]; then
  cmake -S . -B "$work" -DCMAKE_BUILD_TYPE=Release -DDESCENT_BENCH=ON -DDESCENT_TESTS=OFF >/dev/null
fi
cmake --build "$work" -j "$jobs" --target descent_bench_evaluator >/dev/null

# A copy of the built page, so a rebuild of dist/ during the run cannot change what is measured.
rm -rf "$work/dist"
cp -r dist "$work/dist"
export DESCENT_DIST="$PWD/$work/dist"

echo "== descent bench: native evaluator (Google Benchmark, 10 repetitions)"
"$work/bench/native/descent_bench_evaluator" --benchmark_repetitions=10 --benchmark_min_time=0.05 \
  --benchmark_report_aggregates_only=true --benchmark_out="$work/native.json" --benchmark_out_format=json \
  >/dev/null

echo "== descent bench: engine in Node (dist/engine.js)"
node bench/engine.mjs "$work/engine.json" >/dev/null

echo "== descent bench: page in Chromium"
node bench/page.mjs "$work/page.json" >/dev/null

DESCENT_LOAD_AT_START="$load_at_start" node bench/report.mjs "$work" bench/results.json
