#!/usr/bin/env bash
# Makes sure the machine has what descent builds and tests with, and says nothing when it has.
# System tools come from Debian's apt, JavaScript packages from the npm registry by name;
# nothing downloads a browser or a toolchain of its own.
set -euo pipefail
cd "$(dirname "$0")/.."

# "what to check" -> "Debian package that provides it"
declare -a checks=(
  "/usr/bin/emcc:emscripten"
  "cmake:cmake"
  "g++:g++"
  "/usr/include/catch2/catch.hpp:catch2"
  "/usr/bin/chromium:chromium"
  "hugo:hugo"
  "xz:xz-utils"
)

present() {
  case "$1" in
    /*) [ -e "$1" ] ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}

missing=()
for entry in "${checks[@]}"; do
  what="${entry%%:*}"
  package="${entry#*:}"
  present "$what" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "descent setup: missing system packages: ${missing[*]}" >&2
    echo "  install them with:  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "descent setup: installing ${missing[*]} from apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  for entry in "${checks[@]}"; do
    present "${entry%%:*}" || { echo "descent setup: ${entry#*:} installed but ${entry%%:*} is still missing" >&2; exit 1; }
  done
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "descent setup: node (20 or later) and npm are required" >&2
  exit 1
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  echo "descent setup: node $(node --version) found, descent needs 20 or later" >&2
  exit 1
fi

# npm ci when node_modules is missing or was installed from a different lock file.
if ! node scripts/installed-matches-lock.mjs; then
  echo "descent setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
