#!/usr/bin/env bash
# Everything `npm test` runs: set-up, build, then the native, Node and browser suites in that order.
# Stops at the first failing suite and ends with one summary line per suite and a total.
set -uo pipefail
cd "$(dirname "$0")/.."

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
declare -a summary=()
passed_total=0
failed_total=0

finish() {
  echo
  echo "== descent test summary"
  printf '   %s\n' "${summary[@]}"
  echo "descent: ${passed_total} passed, ${failed_total} failed"
  exit "$1"
}

# "P F" from a suite's output: ctest's closing line or node --test's pass/fail counters.
counts() {
  local log="$1" line
  line="$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -1)"
  if [ -n "$line" ]; then
    local failed total
    failed="$(sed -E 's/.* ([0-9]+) tests? failed.*/\1/' <<<"$line")"
    total="$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$line")"
    echo "$((total - failed)) $failed"
    return
  fi
  local pass fail
  pass="$(grep -E '^(# |ℹ )pass [0-9]+$' "$log" | tail -1 | grep -oE '[0-9]+$')"
  fail="$(grep -E '^(# |ℹ )fail [0-9]+$' "$log" | tail -1 | grep -oE '[0-9]+$')"
  [ -n "$pass" ] && echo "$pass ${fail:-0}"
}

run_stage() {
  local name="$1" log="$logs/stage.log" started=$SECONDS status detail=""
  shift
  echo
  echo "== descent test: $name"
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  local result
  if result="$(counts "$log")" && [ -n "$result" ]; then
    read -r p f <<<"$result"
    passed_total=$((passed_total + p))
    failed_total=$((failed_total + f))
    detail=": $p passed, $f failed"
  fi
  if [ "$status" -eq 0 ]; then
    summary+=("ok       $name$detail ($((SECONDS - started)) s)")
  else
    summary+=("FAILED   $name$detail ($((SECONDS - started)) s)")
    echo "descent test: '$name' failed (exit status $status); later suites were not run" >&2
    [ "$failed_total" -gt 0 ] || failed_total=1
    finish 1
  fi
}

run_stage "setup" bash scripts/setup.sh
run_stage "build" bash scripts/build.sh
run_stage "native (ctest)" ctest --test-dir build --output-on-failure
run_stage "native under ASan+UBSan (ctest)" bash scripts/sanitize.sh
run_stage "node (node --test tests/node/)" node --test tests/node/
run_stage "browser (node --test tests/browser/)" node --test tests/browser/
finish 0
