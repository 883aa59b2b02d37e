#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
# Packs the .deb with CPack and runs lintian on it: no error and no warning tags (the info tags are
# printed for the record). There are no lintian overrides; add one only with a comment saying why.
# Usage: check-deb.sh BUILD_DIR SCRATCH_DIR
set -euo pipefail
build=$1 out=$2
rm -rf "$out"
cpack --config "$build/CPackConfig.cmake" -B "$out" >"$out.cpack.log" 2>&1 || { cat "$out.cpack.log"; exit 1; }
deb=$(ls "$out"/clusterdeck_*.deb)
dpkg-deb -f "$deb" Description Homepage Depends
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/clusterdeck-runtime ./usr/bin/clusterdeck-cli ./usr/share/doc/clusterdeck/copyright \
            ./usr/share/doc/clusterdeck/changelog.gz ./usr/lib/systemd/user/clusterdeck-runtime.service \
            ./usr/share/man/man1/clusterdeck-runtime.1.gz ./usr/share/man/man1/clusterdeck-cli.1.gz \
            ./usr/share/bash-completion/completions/clusterdeck-cli; do
    grep -q " $path\$" <<<"$contents" || { echo "$deb lacks $path"; exit 1; }
done
grep -q "^Homepage: https://" <(dpkg-deb -f "$deb") || { echo "no Homepage"; exit 1; }
# lintian warns that it runs as root (CI does); that line is not a tag.
lintian --no-cfg --info --display-info --fail-on error,warning "$deb"
echo "lintian: no error or warning tags on $(basename "$deb")"
