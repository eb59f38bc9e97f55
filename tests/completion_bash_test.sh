#!/usr/bin/env bash
# Runs completions/policyc.bash the way bash does on TAB: COMP_WORDS split at blanks
# and at COMP_WORDBREAKS, then _policyc, and compares COMPREPLY with what is expected.
#   tests/completion_bash_test.sh POLICYC_BINARY SOURCE_DIR [COMPLETION_FILE]
# COMPLETION_FILE: the script to test, by default SOURCE_DIR/completions/policyc.bash
# (tests/package_test.sh passes the one the Debian package installs).
set -uo pipefail
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source_dir=$(cd "$2" && pwd)
completion=$(cd "$(dirname "${3:-$source_dir/completions/policyc.bash}")" && pwd)/$(basename "${3:-policyc.bash}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/files/configs" "$work/files/ca dir"
ln -s "$binary" "$work/bin/policyc"
touch "$work/files/bottle.yaml" "$work/files/bottle.md" "$work/files/notes.txt" "$work/files/b.markdown" \
      "$work/files/team.policy" "$work/files/ca.pem"
cp "$source_dir/editors/tests/sample.policy" "$work/files/sample.policy"
sed -i 's#"../../policies/defaults.policy"#"defaults.policy"#' "$work/files/sample.policy"
cp "$source_dir/policies/defaults.policy" "$work/files/defaults.policy"
export PATH="$work/bin:$PATH"
cd "$work/files" || exit 1
# shellcheck source=../completions/policyc.bash
source "$completion"

failures=0
checks=0

# Splits LINE as bash does for completion: at blanks, and each run of word-break
# characters (here `=` and `:`) becomes a word of its own.
complete_line() {
    local line=$1 token piece
    COMP_LINE=$line
    COMP_POINT=${#line}
    COMP_WORDS=()
    for token in $line; do
        while [[ -n $token ]]; do
            if [[ $token == [=:]* ]]; then
                piece=${token%%[!=:]*}
            else
                piece=${token%%[=:]*}
            fi
            COMP_WORDS+=("$piece")
            token=${token:${#piece}}
        done
    done
    [[ $line == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _policyc
}

# check LINE EXPECTED...: the candidates, sorted, must be exactly EXPECTED.
check() {
    local line=$1 got want
    shift
    complete_line "$line"
    got=$(printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | paste -sd'|')
    want=$(printf '%s\n' "$@" | LC_ALL=C sort | paste -sd'|')
    checks=$((checks + 1))
    if [[ $got != "$want" ]]; then
        failures=$((failures + 1))
        printf 'FAIL %q\n  expected: %s\n  got:      %s\n' "$line" "$want" "$got"
    fi
}

# is_candidate WORD: WORD is one of COMPREPLY. Plain bash, no pipeline: `grep -q`
# exits on its first match, and under pipefail the writer's SIGPIPE would fail the check.
is_candidate() {
    local candidate
    for candidate in "${COMPREPLY[@]}"; do
        [[ $candidate == "$1" ]] && return 0
    done
    return 1
}

# check_has LINE WORD...: the candidates must include every WORD (commands other
# issues add may come on top).
check_has() {
    local line=$1 word
    shift
    complete_line "$line"
    checks=$((checks + 1))
    for word in "$@"; do
        if ! is_candidate "$word"; then
            failures=$((failures + 1))
            printf 'FAIL %q: no %s in: %s\n' "$line" "$word" "${COMPREPLY[*]}"
        fi
    done
}

# Commands, and the hidden helper stays hidden.
check_has "policyc " compile summary test init
check "policyc comp" compile
check "policyc __" 
check "policyc -" --help -h --version
check "policyc --" --help --version
# Options, from the command's own --help; one-shot options are not offered twice.
check "policyc compile --f" --format
check "policyc compile --outp" --output
check "policyc compile --out" --out-dir --output
check "policyc compile --out-dir " "ca dir" configs
check "policyc compile a.yaml b.yaml " b.markdown bottle.md bottle.yaml "ca dir" configs
check "policyc compile --format json --f"
check "policyc compile --param a=b --pa" --param
# Option values.
check "policyc compile --format " yaml json
check "policyc compile --color a" auto always
check "policyc compile --color=" auto always never
check "policyc compile --color=al" always
check "policyc summary --format=j" json
# Parameter names of the shipped policy, then of the --policy given.
check "policyc compile --param " ca_cert= ca_key= ssrf_ip_allowlist=
check "policyc compile --param ss" ssrf_ip_allowlist=
check "policyc compile --policy sample.policy --param " ca_cert= ca_key= internal=
check "policyc compile --policy=sample.policy --param i" internal=
check "policyc compile --policy missing.policy --param "
# File names: bottles, policies, any file after NAME= of a path parameter.
check "policyc compile " b.markdown bottle.md bottle.yaml "ca dir" configs
check "policyc summary b" b.markdown bottle.md bottle.yaml
check "policyc compile x.yaml --policy " "ca dir" configs defaults.policy sample.policy team.policy
check "policyc compile x.yaml -o n" notes.txt
check "policyc compile x.yaml --param ca_cert=ca" "ca dir" ca.pem
check "policyc compile x.yaml --param ca_cert=ca." ca.pem
check "policyc test " "ca dir" configs
check "policyc fmt " "ca dir" configs defaults.policy sample.policy team.policy
check "policyc diff --old-policy " "ca dir" configs defaults.policy sample.policy team.policy
check "policyc init " "ca dir" configs
check "policyc explain bottle.yaml --host "
# Diagnostic codes, from the docs/errors.md compiled into policyc.
check_has "policyc errors E01" E0101 E0102

echo "$checks checks, $failures failed"
((failures == 0))
