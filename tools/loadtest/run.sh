#!/usr/bin/env bash
# Live delivery comparison (issue 4): the CrisisGrid gateway and a bare SignalR hub, each with N clients, the same
# command stream and message shapes, on this machine in one run. Builds (Release), starts each server on a free
# 127.0.0.1 port with a fresh data folder, runs tools/loadtest/loadtest.mjs against it, stops it, and prints a
# Markdown table.
#   tools/loadtest/run.sh [--clients "100 1000"] [--gateways "1 2"] [--rate 20] [--duration 30] [--warmup 5] [--out results.jsonl]
# A gateway run is one Orleans silo (embedded mode, SQLite) and 1 or more gateways, the clients spread over them; server
# memory and CPU are summed over the silo and the gateways.
set -euo pipefail
cd "$(dirname "$0")/../.."

CLIENTS="100 1000" GATEWAYS="1" RATE=20 DURATION=30 WARMUP=5 OUT=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --clients) CLIENTS="$2"; shift 2 ;;
    --gateways) GATEWAYS="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

# 1,000 WebSockets on each side of loopback: two descriptors per client, plus the servers' own.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [[ "$(ulimit -n)" != unlimited && "$(ulimit -n)" -lt 8192 ]]; then
  echo "warning: ulimit -n is $(ulimit -n); 1,000 clients may run out of file descriptors" >&2
fi

echo "Building (Release)…" >&2
dotnet build src/Silo/CrisisGrid.Silo.csproj -c Release -nologo -v q >&2
dotnet build src/Gateway/CrisisGrid.Gateway.csproj -c Release -nologo -v q >&2
dotnet build tools/BareHub/BareHub.csproj -c Release -nologo -v q >&2
(cd tools/loadtest && npm ci --no-audit --no-fund --silent >&2)

WORK="$(mktemp -d -t crisisgrid-loadtest-XXXXXX)"
RESULTS="${OUT:-$WORK/results.jsonl}"
: > "$RESULTS"
SERVER_PID=""
SERVER_PIDS=()
stop_server() {
  for pid in "${SERVER_PIDS[@]}" $SERVER_PID; do
    if kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  done
  SERVER_PID=""
  SERVER_PIDS=()
}
trap 'stop_server; rm -rf "$WORK"' EXIT

free_port() {
  node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}

# start_server NAME PORT COMMAND...: starts it in the background and waits for /health.
start_server() {
  local name="$1" port="$2"
  shift 2
  "$@" > "$WORK/$name.log" 2>&1 &
  SERVER_PID=$!
  SERVER_PIDS+=("$SERVER_PID")
  for _ in $(seq 1 600); do
    if curl -fsS "http://127.0.0.1:$port${HEALTH_PATH:-/health}" > /dev/null 2>&1; then return 0; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
    sleep 0.2
  done
  echo "$name did not start; its log:" >&2
  cat "$WORK/$name.log" >&2
  exit 1
}

loadtest() {
  local pids
  pids=$(IFS=,; echo "${SERVER_PIDS[*]}")
  node tools/loadtest/loadtest.mjs --rate "$RATE" --duration "$DURATION" --warmup "$WARMUP" --pid "$pids" "$@" >> "$RESULTS"
}

GATEWAY=src/Gateway/bin/Release/net10.0/CrisisGrid.Gateway.dll
BARE=tools/BareHub/bin/Release/net10.0/BareHub.dll
SILO=src/Silo/bin/Release/net10.0/CrisisGrid.Silo.dll
for n in $CLIENTS; do
  for g in $GATEWAYS; do
    # One silo on a fresh database; then g gateways, each an Orleans client of it. Join attempts are rate-limited per
    # address (30/min by default) and every client redeems its code from 127.0.0.1, so the limit is raised for the
    # run; nothing else is changed.
    silo_port="$(free_port)" silo_gateway="$(free_port)" health="$(free_port)"
    mkdir -p "$WORK/run-$n-$g"
    HEALTH_PATH=/health/ready start_server "silo-$n-$g" "$health" dotnet "$SILO" --Urls="http://127.0.0.1:$health" \
      --Cluster:SiloPort="$silo_port" --Cluster:GatewayPort="$silo_gateway" \
      --Storage:Provider=sqlite --Storage:SqlitePath="$WORK/run-$n-$g/crisisgrid.db" --Logging:LogLevel:Default=Warning
    urls=()
    for i in $(seq 1 "$g"); do
      port="$(free_port)"
      HEALTH_PATH=/health/ready start_server "gateway-$n-$g-$i" "$port" dotnet "$GATEWAY" --Urls="http://127.0.0.1:$port" \
        --Cluster:GatewayPorts="$silo_gateway" \
        --Gateway:DataDirectory="$WORK/run-$n-$g" --Gateway:Limits:JoinAttemptsPerMinute=1000000 \
        --Logging:LogLevel:Default=Warning
      urls+=("http://127.0.0.1:$port")
    done
    loadtest --target gateway --url "${urls[0]}" --client-urls "${urls[*]}" --clients "$n" --label "gateway × $g + silo" \
      --save-templates "$WORK/templates.json"
    stop_server
  done

  # The bare hub, sent the messages the gateway just sent (renumbered), to the same kinds of clients.
  port="$(free_port)"
  start_server "bare-$n" "$port" dotnet "$BARE" --urls="http://127.0.0.1:$port" --Logging:LogLevel:Default=Warning
  loadtest --target bare --url "http://127.0.0.1:$port" --clients "$n" --templates "$WORK/templates.json"
  stop_server
done

node tools/loadtest/report.mjs "$RESULTS"
