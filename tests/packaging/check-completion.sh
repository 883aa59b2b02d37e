#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
# The CLI's bash completion against the built CLI: commands, a command's subcommands, its own options
# and the global ones, never another command's options.
# Usage: check-completion.sh COMPLETION_FILE BIN_DIR
set -uo pipefail
completion=$1 bin=$2
export PATH="$bin:$PATH"
# shellcheck disable=SC1090
source "$completion"
fail=0
complete_words() {
    COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=()
    _clusterdeck_cli
    printf '%s\n' "${COMPREPLY[@]}"
}
expect() { # expect "WORDS..." -- WANTED...: each wanted word is offered
    local words=() wanted=()
    while [ "$1" != -- ]; do words+=("$1"); shift; done; shift
    local got; got=$(complete_words "${words[@]}")
    for w in "$@"; do
        grep -qx -- "$w" <<<"$got" || { echo "[${words[*]}] does not offer $w (offers: $(tr '\n' ' ' <<<"$got"))"; fail=1; }
    done
}
refuse() { # refuse "WORDS..." -- UNWANTED...
    local words=()
    while [ "$1" != -- ]; do words+=("$1"); shift; done; shift
    local got; got=$(complete_words "${words[@]}")
    for w in "$@"; do
        grep -qx -- "$w" <<<"$got" && { echo "[${words[*]}] offers $w, which it must not"; fail=1; }
    done
}
expect clusterdeck-cli "" -- cluster job logs executors cost
expect clusterdeck-cli cl -- cluster
expect clusterdeck-cli cluster "" -- launch list scale terminate
expect clusterdeck-cli cluster launch --w -- --workers --wait
refuse clusterdeck-cli cluster list --w -- --workers
expect clusterdeck-cli --json cluster scale --w -- --workers
# The word being completed is never "--" here: that is expect's own separator.
expect clusterdeck-cli cluster list --j -- --json
expect clusterdeck-cli cluster list --r -- --runtime
expect clusterdeck-cli cluster list --to -- --token-file
expect clusterdeck-cli logs --f -- --follow
expect clusterdeck-cli logs --t -- --tail
expect clusterdeck-cli logs --l -- --list
expect clusterdeck-cli "" -- budget slo
expect clusterdeck-cli budget "" -- list set remove
[ $fail -eq 0 ] && echo "completion: ok"
exit $fail
