#!/usr/bin/env bash
# Runs CrisisGrid on this machine with the embedded defaults: builds the web client, the silo and the gateway, starts
# one Orleans silo (SQLite in ./data) and one gateway beside it, loads the realistic sample scenario (Northern Shield)
# on first start, and serves everything at http://127.0.0.1:5080. It prints a facilitator join code.
# Ctrl+C stops both; exercises are kept in ./data. For a cluster of silos and gateways: deploy/cluster.sh.
#
#   ./run.sh                 # http://127.0.0.1:5080
#   CRISISGRID_PORT=6000 ./run.sh
set -euo pipefail
cd "$(dirname "$0")"
port="${CRISISGRID_PORT:-5080}"

command -v dotnet >/dev/null || { echo "run.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
command -v npm >/dev/null || { echo "run.sh: Node.js and npm are required to build the web client" >&2; exit 1; }

echo "==> Building the web client"
(
  cd src/WebClient
  # Reinstall only when the lock file changed since the last install.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
  npm run build --silent
)

echo "==> Building the silo and the gateway"
dotnet build src/Silo -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet build src/Gateway -c Release --nologo -v quiet -clp:ErrorsOnly

echo "==> Starting CrisisGrid (one silo, one gateway)"
mkdir -p data
silo_port="${CRISISGRID_SILO_PORT:-11111}"
silo_gateway_port="${CRISISGRID_SILO_GATEWAY_PORT:-30000}"
dotnet src/Silo/bin/Release/net10.0/CrisisGrid.Silo.dll \
  --Cluster:SiloPort="$silo_port" --Cluster:GatewayPort="$silo_gateway_port" \
  --Storage:Provider=sqlite --Storage:SqlitePath="$PWD/data/crisisgrid.db" &
silo=$!
trap 'kill "$silo" 2>/dev/null; wait "$silo" 2>/dev/null' EXIT INT TERM

dotnet src/Gateway/bin/Release/net10.0/CrisisGrid.Gateway.dll \
  --Urls="http://127.0.0.1:${port}" \
  --Cluster:GatewayPorts="$silo_gateway_port" \
  --Gateway:DataDirectory="$PWD/data" \
  --Gateway:WebRoot="$PWD/src/WebClient/dist" \
  --Gateway:SampleExercise:Scenario=northern-shield
