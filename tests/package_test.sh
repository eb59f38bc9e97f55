#!/usr/bin/env bash
# The Debian package as a user gets it: built by scripts/package.sh (a Release build of
# its own), accepted by lintian, holding exactly the expected files, and working when
# extracted: the binary run from another folder on the example bottle, the man page, the
# packaged bash completion.
#
#   tests/package_test.sh SOURCE_DIR PACKAGE_BUILD_DIR
set -euo pipefail
source_dir=$(cd "$1" && pwd)
export POLICYC_PACKAGE_BUILD=$2
for tool in cpack dpkg-deb dpkg-shlibdeps lintian; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL $*"
  failures=$((failures + 1))
}

cd "$source_dir"
deb=$(scripts/package.sh 2>"$work/build.log") || { tail -30 "$work/build.log"; exit 1; }
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"

# lintian: no error and no warning but the ones named here, each with why it stays.
#   initial-upload-closes-no-bugs: no Debian bug (ITP) exists for policyc to close.
allowed='initial-upload-closes-no-bugs'
lintian --tag-display-limit 0 "$deb" >"$work/lintian" 2>/dev/null || true
if grep -E '^[EW]: ' "$work/lintian" | grep -vE "$allowed"; then
  fail "lintian reports the errors or warnings above"
fi

expected_files='./usr/bin/policyc
./usr/share/bash-completion/completions/policyc
./usr/share/doc/policyc/changelog.Debian.gz
./usr/share/doc/policyc/copyright
./usr/share/man/man1/policyc.1.gz
./usr/share/policyc/errors.md
./usr/share/policyc/policies/bottle.policy
./usr/share/policyc/policies/defaults.policy
./usr/share/policyc/policies/pipelock.policy
./usr/share/vim/addons/ftdetect/policy.vim
./usr/share/vim/addons/ftplugin/policy.vim
./usr/share/vim/addons/syntax/policy.vim
./usr/share/vim/registry/policyc.yaml
./usr/share/zsh/vendor-completions/_policyc'
files=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $6}' | sort)
[ "$files" = "$expected_files" ] || fail "files differ: $(diff <(echo "$expected_files") <(echo "$files"))"
depends=$(dpkg-deb -f "$deb" Depends)
for library in libyaml-cpp0.7 libfmt9 libpsl5 libidn2-0 libre2-9 libstdc++6; do
  [[ $depends == *"$library "* ]] || fail "Depends lacks $library: $depends"
done
file "$(dpkg-deb -x "$deb" "$work/root" && echo "$work/root/usr/bin/policyc")" | grep -q stripped \
  || fail "the binary is not stripped"

# The extracted binary, from a folder with nothing of policyc's in it.
mkdir "$work/elsewhere"
cp "$source_dir/examples/bottle.yaml" "$work/elsewhere/"
(cd "$work/elsewhere" && "$work/root/usr/bin/policyc" compile bottle.yaml) >"$work/config" \
  || fail "the packaged policyc does not compile the example bottle"
grep -q '^api_allowlist:' "$work/config" || fail "no api_allowlist in: $(head -5 "$work/config")"
cmp -s "$work/config" <(cd "$source_dir/examples" && "$source_dir/build/policyc" compile bottle.yaml 2>/dev/null) \
  || [ ! -x "$source_dir/build/policyc" ] || fail "the packaged binary writes another config"
zcat "$work/root/usr/share/man/man1/policyc.1.gz" | grep -q '^\.TH POLICYC 1' \
  || fail "the man page does not start as a man page"
for policy in "$source_dir"/policies/*.policy; do
  cmp -s "$policy" "$work/root/usr/share/policyc/policies/$(basename "$policy")" \
    || fail "$(basename "$policy") is not packaged as shipped"
done
# The packaged completion is the one that works.
bash "$source_dir/tests/completion_bash_test.sh" "$work/root/usr/bin/policyc" "$source_dir" \
  "$work/root/usr/share/bash-completion/completions/policyc" >"$work/completion" \
  || { cat "$work/completion"; fail "the packaged bash completion"; }
if command -v zsh >/dev/null; then
  zsh "$source_dir/tests/completion_zsh_test.zsh" "$work/root/usr/bin/policyc" "$source_dir" \
    "$work/root/usr/share/zsh/vendor-completions" >"$work/completion" \
    || { cat "$work/completion"; fail "the packaged zsh completion"; }
fi

[ $failures -eq 0 ] || exit 1
echo "lintian: $(grep -cE '^[EW]: ' "$work/lintian") warning(s), all named; files, Depends, binary, man page, policies and completion as expected"
