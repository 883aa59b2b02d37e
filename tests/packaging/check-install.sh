#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
# Installs the build into a scratch prefix and checks what the install brings: a man page for each
# program that man renders, the systemd user unit (systemd-analyze verify: its ExecStart exists, its
# man page resolves) with KillMode=process, the copyright.
# Usage: check-install.sh BUILD_DIR SCRATCH_DIR
set -euo pipefail
build=$1 prefix=$2
rm -rf "$prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
fail=0
for program in clusterdeck clusterdeck-runtime clusterdeck-cli; do
    [ -x "$prefix/bin/$program" ] || continue
    page=$prefix/share/man/man1/$program.1.gz
    if [ ! -f "$page" ]; then echo "no man page for $program"; fail=1; continue; fi
    text=$(MANWIDTH=100 man -l "$page" 2>&1)
    grep -q "^NAME" <<<"$text" && grep -q "^DESCRIPTION" <<<"$text" && grep -q "$program" <<<"$text" \
        || { echo "$page does not render as $program's page:"; head -20 <<<"$text"; fail=1; }
done
unit=$prefix/lib/systemd/user/clusterdeck-runtime.service
grep -qx "ExecStart=$prefix/bin/clusterdeck-runtime" "$unit" || { echo "$unit: ExecStart is not this prefix's"; fail=1; }
grep -qx "KillMode=process" "$unit" || { echo "$unit: no KillMode=process (a restart would kill every cluster)"; fail=1; }
MANPATH=$prefix/share/man systemd-analyze verify "$unit" || { echo "systemd-analyze verify $unit failed"; fail=1; }
[ -s "$prefix/share/doc/clusterdeck/copyright" ] || { echo "no copyright file"; fail=1; }
[ $fail -eq 0 ] && echo "install tree: ok"
exit $fail
