#!/usr/bin/env bash
# Runs every CrisisGrid test: .NET unit, property, engine and gateway integration tests (SQLite and a throw-away
# PostgreSQL), the scenario schema check, and the web client's unit and headless-Chromium browser tests.
# Installs what the tests need first: npm packages, Debian's chromium and postgresql packages (needs root or sudo).
set -euo pipefail
cd "$(dirname "$0")"

step() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
command -v npm >/dev/null || { echo "test.sh: Node.js and npm are required" >&2; exit 1; }

if [ ! -x /usr/bin/chromium ]; then
  step "Installing Debian's chromium for the browser tests"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

step "Building (Release)"
dotnet build CrisisGrid.sln -c Release --nologo -v quiet -clp:ErrorsOnly

step ".NET tests, with a throw-away PostgreSQL for the PostgreSQL storage tests"
deploy/dev/test-postgres.sh run -- dotnet test CrisisGrid.sln -c Release --no-build --nologo

step "Deployment files: Kubernetes manifests, compose file and Dockerfiles are well-formed and consistent"
deploy/validate.sh

step "Scenario schema: the samples validate, known mistakes are rejected"
(cd tests/schema && npm ci --no-audit --no-fund --loglevel=error && npm test)

step "Web client: unit tests, build, browser tests in headless Chromium"
CRISISGRID_SKIP_GATEWAY_BUILD=1 GATEWAY_DLL="$PWD/src/Gateway/bin/Release/net10.0/CrisisGrid.Gateway.dll" src/WebClient/test.sh

step "All tests passed"
