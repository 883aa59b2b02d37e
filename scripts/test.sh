#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
# The README's second quick-start command, and what CI runs (.ci/run). Installs what is missing, then runs
# these stages in this order (CLUSTERDECK_TEST_STAGES picks them; the default is "ci fuzz"):
#   ci    build with warnings as errors (preset ci); every test but the benchmarks (the fuzz targets' replay of
#         their seeds and regressions included). Extra arguments go to this stage's ctest.
#   fuzz  the libFuzzer targets (preset fuzz: clang 14, ASan + UBSan, only the core libraries they need),
#         each for a fixed number of runs from a fixed seed (~25 s each; tests/fuzz/CMakeLists.txt says why),
#         at most CLUSTERDECK_FUZZ_SECONDS (60) each.
#   tsan  ThreadSanitizer over the tests whose code runs on several threads (preset tsan: label threaded, the core
#         libraries only, tests/tsan.supp says what Qt-internal reports it hides and why). Not in CI's default yet:
#         Debian's Qt is not instrumented, and each run still finds another kind of Qt-internal hand-over to review.
#   asan  the whole suite again built with AddressSanitizer + UBSan (preset asan); any report of any process
#         it started (the runtime and CLI included, whose reports a test would not see) fails the stage.
#         Not in CI's default yet: docs/benchmarks.md ("Sanitizers in CI") says what it costs and finds.
# Each suite runs under scripts/no-leftover-processes.py: a process that outlives its test suite fails the run.
# A failing stage does not stop the next (one run shows every problem); the exit status says whether all passed.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh

stages=" ${CLUSTERDECK_TEST_STAGES:-ci fuzz} "
guard=(/usr/bin/python3 scripts/no-leftover-processes.py)
failed=()
started=$SECONDS

wants() { [[ "$stages" == *" $1 "* ]]; }
# Runs a stage's test command, records a failure instead of stopping.
suite() {
    local name=$1 t0=$SECONDS
    shift
    echo "== $name: $*"
    if "$@"; then
        echo "== $name: passed in $((SECONDS - t0)) s"
    else
        echo "== $name: FAILED (after $((SECONDS - t0)) s)"
        failed+=("$name")
    fi
}

if wants ci; then
    cmake --preset ci
    cmake --build --preset ci
    suite ci "${guard[@]}" ctest --preset ci --timeout 900 "$@"
fi

if wants fuzz; then
    cmake --preset fuzz -DCLUSTERDECK_FUZZ_SECONDS="${CLUSTERDECK_FUZZ_SECONDS:-60}"
    cmake --build --preset fuzz
    suite fuzz "${guard[@]}" ctest --preset fuzz -j2
fi

if wants tsan; then
    cmake --preset tsan
    cmake --build --preset tsan
    suite tsan "${guard[@]}" ctest --preset tsan --timeout 600
fi

if wants asan; then
    cmake --preset asan
    cmake --build --preset asan
    logs="$PWD/build-asan/sanitizer-logs"
    rm -rf "$logs" && mkdir -p "$logs"
    # Reports go to files, one per process, so that a runtime's or CLI's report is seen even when its test
    # passes; they are printed below.
    export ASAN_OPTIONS="log_path=$logs/asan:detect_leaks=0"
    export UBSAN_OPTIONS="log_path=$logs/ubsan:print_stacktrace=1:halt_on_error=1"
    suite asan "${guard[@]}" ctest --preset asan --timeout 900
    if compgen -G "$logs/*" >/dev/null; then
        echo "== asan: sanitizer reports:"
        for f in "$logs"/*; do
            echo "---- $f"
            cat "$f"
        done
        [[ " ${failed[*]} " == *" asan "* ]] || failed+=("asan (sanitizer reports)")
    fi
fi

echo "== all stages ($stages) took $((SECONDS - started)) s"
if [ ${#failed[@]} -gt 0 ]; then
    echo "== FAILED: ${failed[*]}"
    exit 1
fi
