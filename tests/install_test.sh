#!/usr/bin/env bash
# Installs the build into a temporary prefix and uses it as a user would: the binary
# run from another directory on the example bottle, the installed policies, the man
# page and the bash completion.
#   tests/install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
prefix=$(mktemp -d)
elsewhere=$(mktemp -d)
trap 'rm -rf "$prefix" "$elsewhere"' EXIT
failures=0
fail() {
    echo "FAIL $*"
    failures=$((failures + 1))
}

"${CMAKE:-cmake}" --install "$build" --prefix "$prefix" >/dev/null

for file in bin/policyc share/man/man1/policyc.1 \
    share/bash-completion/completions/policyc share/zsh/site-functions/_policyc; do
    [[ -f $prefix/$file ]] || fail "not installed: $file"
done
[[ -x $prefix/bin/policyc ]] || fail "bin/policyc is not executable"
for policy in "$source_dir"/policies/*.policy; do
    installed=$prefix/share/policyc/policies/$(basename "$policy")
    cmp -s "$policy" "$installed" || fail "not installed as shipped: $installed"
done

# From a directory with nothing of policyc's in it: the policy is the embedded one.
cp "$source_dir/examples/bottle.yaml" "$elsewhere/"
cd "$elsewhere"
"$prefix/bin/policyc" compile bottle.yaml >installed.yaml || fail "installed compile failed"
"$build/policyc" compile bottle.yaml >built.yaml
cmp -s installed.yaml built.yaml || fail "the installed binary writes another config"
grep -q '^api_allowlist:$' installed.yaml || fail "no api_allowlist in the config"
# The installed policy files are the ones compiled in.
"$prefix/bin/policyc" compile bottle.yaml \
    --policy "$prefix/share/policyc/policies/pipelock.policy" >from_files.yaml ||
    fail "compile with the installed policy files failed"
cmp -s from_files.yaml built.yaml || fail "the installed policy files differ from the embedded ones"
[[ $("$prefix/bin/policyc" --version) == "policyc "* ]] || fail "--version"
"$prefix/bin/policyc" compile --format json bottle.yaml >installed.json ||
    fail "compile --format json failed"
grep -q '"api_allowlist": \[' installed.json || fail "compile --format json: no api_allowlist"

# The man page is found through the prefix and renders without warnings.
if command -v man >/dev/null; then
    [[ $(MANPATH=$prefix/share/man man -w policyc) == "$prefix/share/man/man1/policyc.1"* ]] ||
        fail "man -w policyc does not find the installed page"
fi
if command -v groff >/dev/null; then
    warnings=$(groff -man -Tutf8 -ww -z "$prefix/share/man/man1/policyc.1" 2>&1)
    [[ -z $warnings ]] || fail "groff warns about the man page: $warnings"
fi

# The installed bash completion asks the installed binary.
completion=$(PATH="$prefix/bin:$PATH" bash -c '
    source "$1"
    COMP_LINE="policyc compile --param " COMP_POINT=24
    COMP_WORDS=(policyc compile --param "") COMP_CWORD=3
    _policyc
    echo "${COMPREPLY[*]}"' _ "$prefix/share/bash-completion/completions/policyc")
[[ $completion == "ca_cert= ca_key= ssrf_ip_allowlist=" ]] ||
    fail "installed bash completion offers '$completion'"

if ((failures)); then
    echo "$failures failures"
    exit 1
fi
echo "install: every check passed"
