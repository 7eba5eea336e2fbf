#!/usr/bin/env bash
# Cluster comparison (issue 12): the same live load on 1 silo + 1 gateway and on 2 silos + 2 gateways (deploy/cluster.sh:
# PostgreSQL event log and membership), and in the second a silo killed with `kill -9` in the middle of the measured
# window. Prints the load tool's table (tools/loadtest/report.mjs) plus, per run, when the kill happened, how many
# commands took over 1 s and when the last of them was accepted (recovery).
#   tools/loadtest/cluster-compare.sh [--clients 500] [--rate 20] [--duration 40] [--warmup 5] [--kill-at 20] [--victim 1]
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS=500 RATE=20 DURATION=40 WARMUP=5 KILL_AT=20 VICTIM=1
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) CLIENTS="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --kill-at) KILL_AT="$2"; shift 2 ;;
    --victim) VICTIM="$2"; shift 2 ;;
    *) echo "cluster-compare.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
# Every client redeems its code from 127.0.0.1: the per-address join limit (30 a minute) is raised for the run, as in
# run.sh; the gateways cluster.sh starts read it from the environment.
export Gateway__Limits__JoinAttemptsPerMinute=1000000
(cd tools/loadtest && npm ci --no-audit --no-fund --silent >&2)
work=$(mktemp -d /tmp/crisisgrid-compare.XXXXXX)
cluster=""
stop_cluster() { if [ -n "$cluster" ]; then kill "$cluster" 2>/dev/null || true; wait "$cluster" 2>/dev/null || true; cluster=""; fi; }
trap stop_cluster EXIT INT TERM

run() { # run SILOS GATEWAYS KILL(yes|no)
  local silos=$1 gateways=$2 kill=$3 ready="$work/ready-$1-$2"
  CRISISGRID_CLUSTER_READY_FILE="$ready" deploy/cluster.sh --silos "$silos" --gateways "$gateways" >"$work/cluster-$silos-$gateways.log" 2>&1 &
  cluster=$!
  for _ in $(seq 1 600); do [ -s "$ready" ] && break; kill -0 "$cluster" 2>/dev/null || { cat "$work/cluster-$silos-$gateways.log" >&2; exit 1; }; sleep 1; done
  # shellcheck disable=SC1090
  source "$ready"
  read -r -a urls <<<"$GATEWAYS"
  read -r -a pids <<<"$SILO_PIDS"
  local extra=()
  if [ "$kill" = yes ]; then extra=(--exec-at "$((WARMUP + KILL_AT))" --exec "kill -9 ${pids[$((VICTIM - 1))]}"); fi
  echo "==> $silos silo(s) + $gateways gateway(s)${kill:+, kill=$kill}" >&2
  node tools/loadtest/loadtest.mjs --target gateway --url "${urls[0]}" --client-urls "${urls[*]}" --clients "$CLIENTS" \
    --rate "$RATE" --duration "$DURATION" --warmup "$WARMUP" --pid "$(IFS=,; echo "${pids[*]}")" \
    --label "$silos silo(s) + $gateways gateway(s)$([ "$kill" = yes ] && echo ", silo $VICTIM killed")" "${extra[@]}" >>"$work/results.jsonl"
  stop_cluster
}

run 1 1 no
run 2 2 yes
node tools/loadtest/report.mjs "$work/results.jsonl"
echo
node -e 'for (const l of require("fs").readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean)) { const r = JSON.parse(l); console.log(`${r.label}: kill at ${r.execAtS == null ? "—" : r.execAtS.toFixed(1) + " s"}, commands over 1 s: ${r.commandsOver1s}, recovery ${r.recoveryS == null ? "—" : r.recoveryS.toFixed(1) + " s"}, HTTP accept max ${r.acceptMs.max?.toFixed(0)} ms, errors ${r.commandErrors}`); }' "$work/results.jsonl"
