#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
# C++ lines changed since the commit that added this script must be as clang-format 14 writes them
# (.clang-format). The tree before it was never formatted with that file, and reformatting it wholesale would
# collide with every open branch, so only what changes from there on is held to it: git clang-format looks at
# the changed lines only. CI runs it as the CTest format_changed_lines (tests/CMakeLists.txt). To fix what it
# reports:
#     git-clang-format-14 --binary clang-format-14 --extensions cpp,h "$(scripts/check-format.sh --base)"
# formats your changed lines in the work tree (commit them after).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v git-clang-format-14 >/dev/null || ! command -v clang-format-14 >/dev/null; then
    echo "check-format: clang-format-14 is not installed (scripts/install-deps.sh installs it)" >&2
    exit 1
fi
# The oldest commit that has this script: its own changes are the last ones not held to the format.
base=$(git log --format=%H --diff-filter=A -- scripts/check-format.sh | tail -n 1)
if [ -z "$base" ]; then
    if [ "$(git rev-parse --is-shallow-repository)" = "true" ]; then
        echo "check-format: this clone is shallow, so the commit that added this script is not here; fetch" >&2
        echo "the history (git fetch --unshallow) to check the changed lines" >&2
        exit 1
    fi
    # Not committed yet (the commit that adds it is being made): its parent is HEAD.
    base=$(git rev-parse HEAD)
fi
if [ "${1:-}" = "--base" ]; then
    echo "$base"
    exit 0
fi
out=$(git-clang-format-14 --binary clang-format-14 --extensions cpp,h --diff "$base" 2>&1) || true
case "$out" in
    "" | "no modified files to format" | "clang-format did not modify any files")
        echo "check-format: the C++ lines changed since ${base:0:12} are formatted"
        exit 0 ;;
esac
echo "$out"
echo
echo "check-format: the lines above, changed since ${base:0:12}, are not as clang-format writes them. Fix with:"
echo "    git-clang-format-14 --binary clang-format-14 --extensions cpp,h $base"
exit 1
