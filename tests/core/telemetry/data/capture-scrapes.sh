#!/bin/bash
# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
# Re-records the saved /metrics scrapes from Debian's Dask (python3-distributed 2022.12.1): a scheduler
# and two workers on loopback, idle and then during a small task-based shuffle. Kills only what it started.
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)
P=${P:-18786}; H=${H:-18787}; M1=${M1:-18788}; M2=${M2:-18789}
work=$(mktemp -d)
export DASK_CONFIG="$repo/resources/engine"

setsid /usr/bin/dask scheduler --host 127.0.0.1 --port "$P" --dashboard-address "127.0.0.1:$H" >"$work/sched.log" 2>&1 &
sched=$!
sleep 3
setsid /usr/bin/dask worker "tcp://127.0.0.1:$P" --name w1 --nthreads 1 --memory-limit 1GB --host 127.0.0.1 \
    --dashboard-address "127.0.0.1:$M1" --local-directory "$work/w1" >"$work/w1.log" 2>&1 &
w1=$!
setsid /usr/bin/dask worker "tcp://127.0.0.1:$P" --name w2 --nthreads 1 --memory-limit 1GB --host 127.0.0.1 \
    --dashboard-address "127.0.0.1:$M2" --local-directory "$work/w2" >"$work/w2.log" 2>&1 &
w2=$!
cleanup() { kill -TERM -- "-$w1" "-$w2" "-$sched" 2>/dev/null; sleep 2; kill -KILL -- "-$w1" "-$w2" "-$sched" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
for i in $(seq 1 30); do curl -sf "http://127.0.0.1:$M1/health" >/dev/null && curl -sf "http://127.0.0.1:$M2/health" >/dev/null && break; sleep 1; done
sleep 2
curl -sf "http://127.0.0.1:$H/metrics" >"$here/dask-scheduler-idle.prom"
curl -sf "http://127.0.0.1:$M1/metrics" >"$here/dask-worker-idle.prom"

/usr/bin/python3 - "$P" >"$work/job.log" 2>&1 <<'PY' &
import sys
import dask, dask.array as da, dask.dataframe as dd, pandas as pd
from dask.distributed import Client
c = Client(f"tcp://127.0.0.1:{sys.argv[1]}")
for _ in range(3):
    df = dask.datasets.timeseries(start="2026-01-01", end="2026-01-05", freq="200ms", partition_freq="1d", seed=1)
    df.shuffle("id", shuffle="tasks", npartitions=8).groupby("name").x.sum().compute()
    x = da.random.random((4000, 4000), chunks=(500, 500))
    (x + x.T).mean(axis=0).sum().compute()
PY
job=$!
sleep 6
curl -sf "http://127.0.0.1:$M1/metrics" >"$here/dask-worker-busy.prom"
curl -sf "http://127.0.0.1:$M2/metrics" >"$here/dask-worker2-busy.prom"
curl -sf "http://127.0.0.1:$H/metrics" >"$here/dask-scheduler-busy.prom"
wait "$job"
curl -sf "http://127.0.0.1:$M1/metrics" >"$here/dask-worker-after.prom"
cat "$work/job.log" | tail -5
