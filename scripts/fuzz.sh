#!/usr/bin/env bash
# Fuzzes the expression language for a bounded time (default 60 s; FUZZ_SECONDS to change):
# parse -> derive -> simplify -> print -> parse round trip and a short run, under ASan and UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
# clang with libFuzzer and the sanitizer runtimes, from Debian.
if ! command -v clang++ >/dev/null 2>&1 || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "descent fuzz: needs clang and libFuzzer: sudo apt-get install -y clang libclang-rt-14-dev" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang libclang-rt-14-dev >/dev/null
fi
out=build-fuzz
mkdir -p "$out" "$out/corpus"
sources=(cpp/expr/*.cpp cpp/optim/*.cpp tests/fuzz/round_trip_fuzz.cpp)
if [ ! -x "$out/round_trip_fuzz" ] || [ -n "$(find "${sources[@]}" cpp -name '*.hpp' -newer "$out/round_trip_fuzz" | head -1)" ]; then
  echo "== descent fuzz: building (clang++ -fsanitize=fuzzer,address,undefined)"
  clang++ -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Icpp \
    "${sources[@]}" -o "$out/round_trip_fuzz"
fi
echo "== descent fuzz: running for ${seconds} s"
"$out/round_trip_fuzz" -max_total_time="$seconds" -max_len=256 -timeout=2 -rss_limit_mb=2048 \
  -print_final_stats=1 "$out/corpus" tests/fuzz/corpus
