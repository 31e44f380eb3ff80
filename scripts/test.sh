#!/usr/bin/env bash
# Everything `npm test` runs: set-up, build, then the native, Node and browser suites in that order.
# Stops at the first failing suite and ends with one summary line per suite.
set -uo pipefail
cd "$(dirname "$0")/.."

declare -a summary=()

finish() {
  echo
  echo "== descent test summary"
  printf '   %s\n' "${summary[@]}"
  exit "$1"
}

run_stage() {
  local name="$1"
  shift
  echo
  echo "== descent test: $name"
  local started=$SECONDS
  if "$@"; then
    summary+=("ok       $name ($((SECONDS - started)) s)")
  else
    summary+=("FAILED   $name ($((SECONDS - started)) s)")
    echo "descent test: '$name' failed; later suites were not run" >&2
    finish 1
  fi
}

skip_stage() {
  summary+=("skipped  $1 ($2)")
}

run_stage "setup" bash scripts/setup.sh
run_stage "build" bash scripts/build.sh

if [ -f build/CTestTestfile.cmake ]; then
  run_stage "native (ctest)" ctest --test-dir build --output-on-failure
else
  skip_stage "native (ctest)" "no native build"
fi

run_stage "node (node --test tests/node/)" node --test tests/node/

if [ -d tests/browser ] && compgen -G 'tests/browser/*.test.mjs' >/dev/null && [ -f dist/index.html ]; then
  run_stage "browser (node --test tests/browser/)" node --test tests/browser/
else
  skip_stage "browser (node --test tests/browser/)" "no browser tests or no dist/index.html"
fi

finish 0
