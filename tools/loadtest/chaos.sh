#!/usr/bin/env bash
# Chaos run (issue 12): a local cluster (deploy/cluster.sh: PostgreSQL, 3 silos, 2 gateways on loopback), then
# tools/loadtest/chaos.mjs: rounds of `kill -9` of a random silo under a steady command stream from clients on both
# gateways, each killed silo started again; prints a JSON summary and exits non-zero if anything was lost, applied
# twice, or a client was left with a gap.
#   tools/loadtest/chaos.sh [--silos 3] [--gateways 2] [--rounds 10] [--seed N]
# Membership is tuned as an operator of a small cluster might (docs/performance.md): a silo that stops answering
# probes is declared dead after 3 missed probes of 3 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
silos=3 gateways=2 rest=()
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) silos="$2"; shift 2 ;;
    --gateways) gateways="$2"; shift 2 ;;
    *) rest+=("$1"); shift ;;
  esac
done

(cd tools/loadtest && npm ci --no-audit --no-fund --silent >&2)
ready=$(mktemp /tmp/crisisgrid-chaos.XXXXXX)
rm -f "$ready"
export Orleans__Membership__ProbeTimeout=00:00:03 Orleans__Membership__NumMissedProbesLimit=3
CRISISGRID_CLUSTER_READY_FILE="$ready" deploy/cluster.sh --silos "$silos" --gateways "$gateways" >&2 &
cluster=$!
trap 'kill "$cluster" 2>/dev/null; wait "$cluster" 2>/dev/null || true; rm -f "$ready"' EXIT INT TERM
for _ in $(seq 1 600); do [ -s "$ready" ] && break; kill -0 "$cluster" 2>/dev/null || exit 1; sleep 1; done
# shellcheck disable=SC1090
source "$ready"
# shellcheck source=deploy/dev/test-postgres.sh
source deploy/dev/test-postgres.sh
port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$POSTGRES")
node tools/loadtest/chaos.mjs --gateways "$GATEWAYS" --silo-pids "$SILO_PIDS" --logs "$LOGS" \
  --psql "$(test_postgres_bindir)/psql" --psql-url "postgresql://postgres@127.0.0.1:$port/crisisgrid_test" "${rest[@]}"
