#!/usr/bin/env bash
# Brings up, on this one machine and from Debian packages, the production shape of baocao:
#   1 etcd (Patroni's consensus store)            127.0.0.1:2379
#   2 PostgreSQL 15 nodes managed by Patroni       pg1 :5441 (REST :8011), pg2 :5442 (REST :8012)
#     synchronous replication: a commit is acknowledged only once the standby has it
#   HAProxy: writes to the leader                  :5000  (Patroni's REST check GET /primary)
#            reads from the synchronous standby    :5001  (GET /synchronous)
#            the app, over both app nodes          :8080  (GET /api/health/ready), stats :7000
#   2 baocao app nodes (compiled)                  :3101, :3102 (metrics :9101, :9102)
# Usage: deploy/local-cluster/up.sh   (as root, or as a user who may run PostgreSQL)
# Needs: apt-get install patroni etcd-server haproxy postgresql-15 (postgresql-15 gives the binaries).
# Tear down with deploy/local-cluster/down.sh. Settings: BAOCAO_CLUSTER_DIR (default /tmp/baocao-cluster).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DIR="${BAOCAO_CLUSTER_DIR:-/tmp/baocao-cluster}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
TOKEN="${BAOCAO_API_TOKEN:-local-cluster-token-0123456789}"

for cmd in etcd patroni haproxy curl "$PG_BIN/postgres"; do
  command -v "$cmd" >/dev/null || { echo "missing: $cmd (apt-get install patroni etcd-server haproxy postgresql-15)" >&2; exit 1; }
done
[ -e "$DIR" ] && { echo "$DIR exists: run deploy/local-cluster/down.sh first" >&2; exit 1; }
mkdir -p "$DIR"
# PostgreSQL refuses to run as root: its side runs as the postgres user when we are root.
AS_PG=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$DIR"
  AS_PG=(runuser -u postgres --)
fi
start() { # start NAME CMD… — in the background, its own session, pid and log in $DIR
  local name=$1; shift
  setsid "$@" >"$DIR/$name.log" 2>&1 </dev/null &
  echo $! >"$DIR/$name.pid"
}
wait_for() { # wait_for SECONDS WHAT CMD…
  local t=$1 what=$2; shift 2
  for _ in $(seq 1 $((t * 4))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.25; done
  echo "timed out waiting for $what; logs in $DIR" >&2; exit 1
}

echo "etcd…"
start etcd "${AS_PG[@]}" etcd --name e1 --data-dir "$DIR/etcd" \
  --listen-client-urls http://127.0.0.1:2379 --advertise-client-urls http://127.0.0.1:2379 \
  --listen-peer-urls http://127.0.0.1:2380 --initial-advertise-peer-urls http://127.0.0.1:2380 \
  --initial-cluster e1=http://127.0.0.1:2380
wait_for 30 etcd curl -fs http://127.0.0.1:2379/health

for n in 1 2; do
  mkdir -p "$DIR/pg$n"
  sed -e "s|@NAME@|pg$n|g" -e "s|@PGPORT@|544$n|g" -e "s|@RESTPORT@|801$n|g" \
    -e "s|@DIR@|$DIR/pg$n|g" -e "s|@PG_BIN@|$PG_BIN|g" "$HERE/patroni.yml.in" >"$DIR/pg$n/patroni.yml"
  [ "$(id -u)" = 0 ] && chown -R postgres: "$DIR/pg$n"
  echo "patroni pg$n…"
  start "patroni-pg$n" "${AS_PG[@]}" patroni "$DIR/pg$n/patroni.yml"
  # The first node bootstraps and leads; the second then clones it.
  if [ "$n" = 1 ]; then wait_for 60 "pg1 to lead" curl -fs http://127.0.0.1:8011/primary; fi
done
wait_for 90 "pg2 to stream synchronously" sh -c \
  "curl -fs http://127.0.0.1:8011/cluster | grep -q '\"role\": *\"sync_standby\"'"

echo "haproxy…"
cp "$HERE/503.http" "$DIR/503.http"
sed -e "s|@DIR@|$DIR|g" "$HERE/haproxy.cfg" >"$DIR/haproxy.cfg"
start haproxy haproxy -f "$DIR/haproxy.cfg" -db
wait_for 30 "HAProxy to the leader" "$PG_BIN/pg_isready" -h 127.0.0.1 -p 5000
wait_for 30 "the database" sh -c "'$PG_BIN/psql' -h 127.0.0.1 -p 5000 -U postgres -tAc \"select 1 from pg_database where datname = 'baocao'\" | grep -q 1 \
  || '$PG_BIN/psql' -h 127.0.0.1 -p 5000 -U postgres -c 'create database baocao'"

[ -f "$ROOT/packages/cli/dist/main.js" ] || node "$ROOT/scripts/build-cli.mjs"
# The catalog and the 34 provinces (idempotent), as an administrator would on a new deployment.
DATABASE_URL=postgres://postgres@127.0.0.1:5000/baocao node "$ROOT/packages/cli/bin/baocao.js" init >"$DIR/init.log"
for n in 1 2; do
  echo "baocao app$n…"
  start "app$n" env DATABASE_URL=postgres://postgres@127.0.0.1:5000/baocao \
    DATABASE_REPLICA_URL=postgres://postgres@127.0.0.1:5001/baocao PORT=310$n HOST=127.0.0.1 \
    METRICS_PORT=910$n BAOCAO_TRUST_PROXY=127.0.0.1 BAOCAO_API_TOKEN="$TOKEN" LOG_LEVEL=warn DB_POOL_MAX=12 \
    node "$ROOT/packages/cli/bin/baocao.js" serve
  # The first node migrates the new database; the second starts on it.
  wait_for 60 "app$n" curl -fs "http://127.0.0.1:310$n/api/health/ready"
done
wait_for 30 "HAProxy to the app" curl -fs http://127.0.0.1:8080/api/health/ready
echo "up: app http://127.0.0.1:8080 · writes postgres://127.0.0.1:5000 · reads :5001 · HAProxy stats http://127.0.0.1:7000 · logs $DIR"
