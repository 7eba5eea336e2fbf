#!/usr/bin/env bash
# The web client's tests: installs npm packages (npm ci), type-checks and builds the app into dist/, runs the unit
# tests (vitest), builds the silo and the gateway, and runs the browser tests in headless Chromium against them.
# Exits non-zero on the first failure. Screenshots and gateway logs go to src/WebClient/artifacts/.
#
#   src/WebClient/test.sh                                   # everything
#   CRISISGRID_SKIP_GATEWAY_BUILD=1 src/WebClient/test.sh   # reuse an existing build (GATEWAY_DLL to pick one)
set -euo pipefail
cd "$(dirname "$0")"
repo="$(cd ../.. && pwd)"

step() { printf '\n==> web client: %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

command -v npm >/dev/null || { echo "test.sh: Node.js (>= 20.19) and npm are required" >&2; exit 1; }

step "npm ci"
npm ci --no-audit --no-fund --loglevel=error

step "type-check and build (dist/)"
npm run build --silent

step "unit tests"
npm test --silent

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  step "installing Debian's chromium"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

if [ -z "${CRISISGRID_SKIP_GATEWAY_BUILD:-}" ]; then
  step "building the silo and the gateway (Release)"
  dotnet build "$repo/src/Silo" -c Release --nologo -v quiet -clp:ErrorsOnly
  dotnet build "$repo/src/Gateway" -c Release --nologo -v quiet -clp:ErrorsOnly
  export GATEWAY_DLL="$repo/src/Gateway/bin/Release/net10.0/CrisisGrid.Gateway.dll"
fi

step "browser tests (headless Chromium)"
npm run test:browser --silent
