#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
# The Dask integration tests (label "integration": the real runtime and real Dask processes) under CPU
# load, to find assertions that hold only on a quiet machine. Starts LOAD busy loops (yes > /dev/null,
# ended by their own pids on exit), then runs the tests PASSES times, one test at a time.
# usage: scripts/stress-dask-tests.sh [LOAD (default 4)] [PASSES (default 1)] [BUILD_DIR (default build)]
set -euo pipefail
load=${1:-4}
passes=${2:-1}
build=${3:-build}
cd "$(dirname "$0")/.."
pids=()
stop_load() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
}
trap stop_load EXIT
for _ in $(seq "$load"); do
    yes > /dev/null &
    pids+=($!)
done
failed=0
for pass in $(seq "$passes"); do
    echo "pass $pass of $passes, $load busy loops: $(uptime)"
    if ctest --test-dir "$build" -L integration --output-on-failure -j1; then
        echo "pass $pass: all passed"
    else
        echo "pass $pass: FAILED"
        failed=1
    fi
done
echo "done: $(uptime)"
exit "$failed"
