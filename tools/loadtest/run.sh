#!/usr/bin/env bash
# Live delivery comparison (issue 4): the CrisisGrid gateway and a bare SignalR hub, each with N clients, the same
# command stream and message shapes, on this machine in one run. Builds (Release), starts each server on a free
# 127.0.0.1 port with a fresh data folder, runs tools/loadtest/loadtest.mjs against it, stops it, and prints a
# Markdown table.
#   tools/loadtest/run.sh [--clients "100 1000"] [--rate 20] [--duration 30] [--warmup 5] [--out results.jsonl]
set -euo pipefail
cd "$(dirname "$0")/../.."

CLIENTS="100 1000" RATE=20 DURATION=30 WARMUP=5 OUT=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --clients) CLIENTS="$2"; shift 2 ;;
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
dotnet build src/Gateway/CrisisGrid.Gateway.csproj -c Release -nologo -v q >&2
dotnet build tools/BareHub/BareHub.csproj -c Release -nologo -v q >&2
(cd tools/loadtest && npm ci --no-audit --no-fund --silent >&2)

WORK="$(mktemp -d -t crisisgrid-loadtest-XXXXXX)"
RESULTS="${OUT:-$WORK/results.jsonl}"
: > "$RESULTS"
SERVER_PID=""
stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
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
  for _ in $(seq 1 150); do
    if curl -fsS "http://127.0.0.1:$port/health" > /dev/null 2>&1; then return 0; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
    sleep 0.2
  done
  echo "$name did not start; its log:" >&2
  cat "$WORK/$name.log" >&2
  exit 1
}

loadtest() {
  node tools/loadtest/loadtest.mjs --rate "$RATE" --duration "$DURATION" --warmup "$WARMUP" --pid "$SERVER_PID" "$@" >> "$RESULTS"
}

GATEWAY=src/Gateway/bin/Release/net10.0/CrisisGrid.Gateway.dll
BARE=tools/BareHub/bin/Release/net10.0/BareHub.dll
for n in $CLIENTS; do
  # The gateway: a fresh data folder each time. Join attempts are rate-limited per address (30/min by default) and
  # every client redeems its code from 127.0.0.1, so the limit is raised for the run; nothing else is changed.
  port="$(free_port)"
  start_server "gateway-$n" "$port" dotnet "$GATEWAY" --Urls="http://127.0.0.1:$port" \
    --Gateway:DataDirectory="$WORK/gateway-$n" --Gateway:Limits:JoinAttemptsPerMinute=1000000 \
    --Logging:LogLevel:Default=Warning
  loadtest --target gateway --url "http://127.0.0.1:$port" --clients "$n" --save-templates "$WORK/templates.json"
  stop_server

  # The bare hub, sent the messages the gateway just sent (renumbered), to the same kinds of clients.
  port="$(free_port)"
  start_server "bare-$n" "$port" dotnet "$BARE" --urls="http://127.0.0.1:$port" --Logging:LogLevel:Default=Warning
  loadtest --target bare --url "http://127.0.0.1:$port" --clients "$n" --templates "$WORK/templates.json"
  stop_server
done

node tools/loadtest/report.mjs "$RESULTS"
