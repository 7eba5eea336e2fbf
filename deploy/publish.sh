#!/usr/bin/env bash
# Publishes a self-contained folder for a server: the gateway (framework-dependent, .NET 10 runtime needed), the
# bundled scenarios and the built web client in wwwroot. Default output: artifacts/crisisgrid.
#
#   deploy/publish.sh [output-folder]
#   dotnet artifacts/crisisgrid/CrisisGrid.Gateway.dll --Gateway:DataDirectory=/var/lib/crisisgrid
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/crisisgrid}"

(cd src/WebClient && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)
dotnet publish src/Gateway -c Release -o "$out" --nologo -v quiet -clp:ErrorsOnly
rm -rf "$out/wwwroot"
cp -r src/WebClient/dist "$out/wwwroot"
echo "Published to $out"
