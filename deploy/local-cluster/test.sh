#!/usr/bin/env bash
# npm run test:cluster — brings the local cluster up, runs the failover test, tears it down (always),
# and exits with the test's status. The printout is what docs/SCALING.md quotes.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
# The node-killing helper first (a process already gone is success; a survivor fails).
node --import tsx --test "$HERE/kill.test.ts" || exit 1
trap 'bash "$HERE/down.sh" >/dev/null 2>&1' EXIT
bash "$HERE/down.sh" >/dev/null 2>&1
bash "$HERE/up.sh" || { echo "the cluster did not come up; logs:" >&2; tail -n 20 "${BAOCAO_CLUSTER_DIR:-/tmp/baocao-cluster}"/*.log >&2; exit 1; }
node --import tsx "$HERE/failover.ts"
