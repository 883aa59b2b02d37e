#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
# The README's first quick-start command: install what is missing, build, and open the console on the
# local runtime (the console starts clusterdeck-runtime on 127.0.0.1:7650 when nothing answers there).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset dev
# The programs only (the console starts clusterdeck-runtime itself): the tests and benchmarks are as much
# again to compile, and a first run has no use for them.
cmake --build --preset dev --target clusterdeck clusterdeck-runtime clusterdeck-cli
exec ./build/bin/clusterdeck "$@"
