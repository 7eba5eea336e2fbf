#!/usr/bin/env bash
# A local CrisisGrid cluster in one command: a throw-away PostgreSQL (Debian's package, installed if missing), N Orleans
# silos in cluster mode (ADO.NET membership and reminders, event log on the same database) and M gateways, all on
# 127.0.0.1 with free ports. Waits until the membership table shows N active silos, prints the gateway URLs, and stops
# everything it started on Ctrl+C. The same topology as deploy/compose (minus the proxy and the OTLP viewer).
#
#   deploy/cluster.sh                 # 2 silos, 2 gateways
#   deploy/cluster.sh --silos 3 --gateways 2
#   CRISISGRID_CLUSTER_READY_FILE=/tmp/cg.env deploy/cluster.sh   # also writes the URLs and PIDs there (for tools)
#   CRISISGRID_OPERATOR_KEY=... deploy/cluster.sh   # the operator key (a random one is printed otherwise)
set -euo pipefail
cd "$(dirname "$0")/.."
silos=2
gateways=2
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) silos="$2"; shift 2 ;;
    --gateways) gateways="$2"; shift 2 ;;
    *) echo "cluster.sh: unknown option '$1' (allowed: --silos N, --gateways M)" >&2; exit 2 ;;
  esac
done

# shellcheck source=deploy/dev/test-postgres.sh
source deploy/dev/test-postgres.sh

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

echo "==> Building the silo, the gateway and the web client"
dotnet build src/Silo -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet build src/Gateway -c Release --nologo -v quiet -clp:ErrorsOnly
(cd src/WebClient && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run build --silent)

echo "==> Starting PostgreSQL"
test_postgres_start
db="$CRISISGRID_TEST_POSTGRES"
logs=$(mktemp -d /tmp/crisisgrid-cluster.XXXXXX)
pids=()
stop_all() {
  echo "==> Stopping the cluster"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  test_postgres_stop
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# One operator key for the whole cluster: gateways take it for /ops/metrics, silos for the Orleans dashboard.
# Passed in the environment, not on the command line, so that `ps` does not show it.
operator_key="${CRISISGRID_OPERATOR_KEY:-$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')}"
export Operators__Keys__0="$operator_key"
common=(--Cluster:Mode=Postgres --Cluster:ClusterId=crisisgrid-local --Cluster:AdvertisedAddress=127.0.0.1
        --Storage:Provider=postgres "--Storage:PostgresConnectionString=$db")
echo "==> Starting $silos silos"
silo_urls=()
for i in $(seq 1 "$silos"); do
  silo_url="http://127.0.0.1:$(free_port)"
  dotnet src/Silo/bin/Release/net10.0/CrisisGrid.Silo.dll "${common[@]}" \
    --Cluster:SiloPort="$(free_port)" --Cluster:GatewayPort="$(free_port)" --Urls="$silo_url" \
    >"$logs/silo-$i.log" 2>&1 &
  pids+=($!)
  silo_urls+=("$silo_url")
  echo "    silo $i: pid $! (log $logs/silo-$i.log)"
done

echo "==> Waiting for $silos active silos in the membership table"
bindir=$(test_postgres_bindir)
for _ in $(seq 1 180); do
  active=$("$bindir/psql" "postgresql://postgres@127.0.0.1:$(cat "$CRISISGRID_TEST_POSTGRES_DIR/port")/crisisgrid_test" -tAc \
    "SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = 'crisisgrid-local' AND Status = 3" 2>/dev/null || echo 0)
  [ "${active:-0}" -ge "$silos" ] && break
  sleep 1
done
[ "${active:-0}" -ge "$silos" ] || { echo "cluster.sh: only ${active:-0} of $silos silos became active; see $logs" >&2; exit 1; }

echo "==> Starting $gateways gateways"
urls=()
for i in $(seq 1 "$gateways"); do
  port=$(free_port)
  # Gateways share one data folder for their data-protection keys: a token from one is good on every other.
  dotnet src/Gateway/bin/Release/net10.0/CrisisGrid.Gateway.dll "${common[@]}" --Urls="http://127.0.0.1:$port" \
    --Gateway:DataDirectory="$logs/gateway-data" --Gateway:WebRoot="$PWD/src/WebClient/dist" \
    $([ "$i" -eq 1 ] && echo "--Gateway:SampleExercise:Scenario=northern-shield") \
    >"$logs/gateway-$i.log" 2>&1 &
  pids+=($!)
  urls+=("http://127.0.0.1:$port")
done
for url in "${urls[@]}"; do
  for _ in $(seq 1 120); do curl -fsS "$url/health" >/dev/null 2>&1 && break; sleep 1; done
done

echo
echo "  CrisisGrid cluster: $silos silos, ${#urls[@]} gateways, PostgreSQL at 127.0.0.1:$(cat "$CRISISGRID_TEST_POSTGRES_DIR/port")"
for url in "${urls[@]}"; do echo "  gateway: $url"; done
for url in "${silo_urls[@]}"; do echo "  silo:    $url/health/ready   Orleans dashboard: $url/dashboard/"; done
echo "  operator key (X-Operator-Key, or the password in the browser's prompt): $operator_key"
grep -h "Facilitator join code" "$logs"/gateway-1.log 2>/dev/null | sed 's/^/ /' || true
echo "  logs: $logs    (Ctrl+C stops everything)"
if [ -n "${CRISISGRID_CLUSTER_READY_FILE:-}" ]; then
  { echo "GATEWAYS=\"${urls[*]}\""; echo "SILO_PIDS=\"${pids[*]:0:$silos}\""; echo "POSTGRES=\"$db\""; echo "LOGS=\"$logs\""; echo "SILO_URLS=\"${silo_urls[*]}\""; echo "GATEWAY_PIDS=\"${pids[*]:$silos}\""; echo "OPERATOR_KEY=\"$operator_key\""; } >"$CRISISGRID_CLUSTER_READY_FILE"
fi
# Stay up until Ctrl+C (or SIGTERM), even when every process started above has been replaced — a rolling restart or an
# operator adding and removing silos by hand does exactly that — so PostgreSQL is not stopped under the new ones.
while :; do sleep 1; done
