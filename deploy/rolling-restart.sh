#!/usr/bin/env bash
# Rolling restart under load, on the local cluster: starts deploy/cluster.sh (PostgreSQL, 2 silos, 2 gateways on
# loopback), then deploy/rolling/rolling_restart.py restarts each silo in turn gracefully (SIGTERM, wait until it has
# left membership, start it again, wait until it is active), then each gateway (SIGTERM, start, wait until ready),
# then adds a third silo and removes it again, while exercise control keeps sending commands through both gateways.
# Reports commands sent, acknowledged, lost (acknowledged but missing from the log, must be 0), duplicates (0) and the
# longest command latency during each step; exits 1 if any command was lost, applied twice or never acknowledged.
# Stops everything it started. Numbers: docs/performance.md, section 4.
#
#   deploy/rolling-restart.sh                       # 2 silos, 2 gateways, 4 client threads
#   deploy/rolling-restart.sh --silos 3 --workers 8 --settle 15 --no-scale --no-gateways
set -euo pipefail
cd "$(dirname "$0")/.."
silos=2
gateways=2
driver=()
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) silos="$2"; shift 2 ;;
    --gateways) gateways="$2"; shift 2 ;;
    *) driver+=("$1"); shift ;;
  esac
done

ready=$(mktemp /tmp/crisisgrid-rolling.XXXXXX)
cluster_log="$ready.cluster.log"
: >"$ready"
CRISISGRID_CLUSTER_READY_FILE="$ready" deploy/cluster.sh --silos "$silos" --gateways "$gateways" >"$cluster_log" 2>&1 &
cluster=$!
stop_cluster() {
  [ -n "${driver_pid:-}" ] && kill -TERM "$driver_pid" 2>/dev/null && wait "$driver_pid" 2>/dev/null
  kill -TERM "$cluster" 2>/dev/null || true
  wait "$cluster" 2>/dev/null || true
  rm -f "$ready"
}
trap stop_cluster EXIT INT TERM

echo "==> Starting the cluster ($silos silos, $gateways gateways; log $cluster_log)"
for _ in $(seq 1 900); do
  [ -s "$ready" ] && break
  kill -0 "$cluster" 2>/dev/null || { echo "rolling-restart.sh: the cluster did not start:" >&2; tail -20 "$cluster_log" >&2; exit 1; }
  sleep 1
done
[ -s "$ready" ] || { echo "rolling-restart.sh: the cluster was not ready within 15 minutes" >&2; exit 1; }

# shellcheck source=deploy/dev/test-postgres.sh
source deploy/dev/test-postgres.sh
echo "==> Rolling restart under load"
python3 deploy/rolling/rolling_restart.py --ready "$ready" --psql "$(test_postgres_bindir)/psql" "${driver[@]}" &
driver_pid=$!
wait "$driver_pid" && status=0 || status=$?
driver_pid=
exit "$status"
