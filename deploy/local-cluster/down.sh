#!/usr/bin/env bash
# Tears down what up.sh brought up: every process it started (app nodes, HAProxy, Patroni with its
# PostgreSQL, etcd), then the folder with their data and logs.
set -uo pipefail
DIR="${BAOCAO_CLUSTER_DIR:-/tmp/baocao-cluster}"
[ -d "$DIR" ] || exit 0
# Each was started in its own session: signal the whole group (Patroni's PostgreSQL with it).
for name in app1 app2 haproxy patroni-pg2 patroni-pg1 etcd; do
  [ -f "$DIR/$name.pid" ] && kill -TERM -- "-$(cat "$DIR/$name.pid")" 2>/dev/null
done
sleep 3
for name in app1 app2 haproxy patroni-pg2 patroni-pg1 etcd; do
  [ -f "$DIR/$name.pid" ] && kill -KILL -- "-$(cat "$DIR/$name.pid")" 2>/dev/null
done
# A PostgreSQL left behind by a node killed with -9 (the failover test) has its own pid file.
for pid in "$DIR"/pg*/data/postmaster.pid; do
  [ -f "$pid" ] && kill -KILL "$(head -1 "$pid")" 2>/dev/null
done
rm -rf "$DIR"
echo "down"
