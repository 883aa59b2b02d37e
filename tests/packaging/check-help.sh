#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
# Every program answers --help (and --version, with the CMake project version) with no display at all:
# no DISPLAY, no WAYLAND_DISPLAY, no QT_QPA_PLATFORM (help2man runs them so on the build machine).
# Usage: check-help.sh BIN_DIR VERSION
set -euo pipefail
bin=$1 version=$2
fail=0
for program in clusterdeck clusterdeck-runtime clusterdeck-cli; do
    [ -x "$bin/$program" ] || continue # the console is not built with CLUSTERDECK_BUILD_UI=OFF
    if ! out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$bin/$program" --help 2>&1); then
        echo "$program --help failed without a display:"; echo "$out"; fail=1; continue
    fi
    grep -q "Usage: .*$program" <<<"$out" || { echo "$program --help: no usage line:"; echo "$out"; fail=1; }
    out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$bin/$program" --version 2>&1) || {
        echo "$program --version failed:"; echo "$out"; fail=1; continue; }
    grep -q "$version" <<<"$out" || { echo "$program --version is not $version: $out"; fail=1; }
done
exit $fail
