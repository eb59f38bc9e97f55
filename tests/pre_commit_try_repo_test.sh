#!/usr/bin/env bash
# .pre-commit-hooks.yaml run by the real pre-commit (Debian's package): `pre-commit
# try-repo` on this repository, in a scratch git repository of policies, for each hook,
# once on policies that pass and once on policies that must fail.
#
#   pre_commit_try_repo_test.sh POLICYC SOURCE_DIR
set -euo pipefail
policyc=$1 source=$2
command -v pre-commit >/dev/null || { echo "SKIP: pre-commit is not installed"; exit 77; }
command -v git >/dev/null || { echo "SKIP: git is not installed"; exit 77; }
[ -e "$source/.git" ] || { echo "SKIP: $source is not a git checkout"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME=$work/cache HOME=$work/home
mkdir -p "$HOME" "$work/bin"
ln -s "$(cd "$(dirname "$policyc")" && pwd)/$(basename "$policyc")" "$work/bin/policyc"
export PATH=$work/bin:$PATH
git config --global user.email test@example.invalid
git config --global user.name test
git config --global init.defaultBranch main
# try-repo reads the hooks of the source at HEAD (plus its uncommitted changes).
git config --global --add safe.directory '*'

repo=$work/repo
policyc init "$repo" >/dev/null
cd "$repo"
git init -q .
git add -A
git commit -qm "policies"

failures=0
# expect HOOK pass|fail FILE...: runs the hook on FILE... and checks its verdict.
expect() {
  local hook=$1 verdict=$2
  shift 2
  local status=0
  pre-commit try-repo "$source" "$hook" --files "$@" >"$work/out" 2>&1 || status=$?
  if { [ "$verdict" = pass ] && [ $status -ne 0 ]; } || { [ "$verdict" = fail ] && [ $status -eq 0 ]; }; then
    echo "FAIL: $hook on $* should $verdict (exit $status):"
    sed 's/^/    /' "$work/out"
    failures=$((failures + 1))
  elif ! grep -q "$hook\|policyc" "$work/out"; then
    echo "FAIL: $hook did not run:"; sed 's/^/    /' "$work/out"
    failures=$((failures + 1))
  else
    echo "ok: $hook $verdict on $*"
  fi
}

for hook in policyc-fmt policyc-check policyc-test; do
  expect "$hook" pass policies/pipelock.policy
done

# A policy out of layout fails fmt; checking and testing still pass.
sed -i 's/^  version = 1$/  version    =    1/' policies/pipelock.policy
grep -q 'version    =    1' policies/pipelock.policy
expect policyc-fmt fail policies/pipelock.policy
grep -q "policies/pipelock.policy" "$work/out" || { echo "FAIL: fmt does not name the file"; failures=$((failures + 1)); }
git checkout -q policies/pipelock.policy

# A policy that does not check fails check (and test, whose cases cannot compile).
printf '\nconst BROKEN: int = "text"\n' >> policies/defaults.policy
expect policyc-check fail policies/defaults.policy
grep -q "E0" "$work/out" || { echo "FAIL: check names no error code"; failures=$((failures + 1)); }
git checkout -q policies/defaults.policy

# A change in what a policy allows fails the golden cases until they are updated.
sed -i 's/"sentry.io",/"sentry.io",\n  "crates.io",/' policies/defaults.policy
expect policyc-test fail policies/defaults.policy
grep -q '+  - "crates.io"' "$work/out" || { echo "FAIL: test shows no diff line"; failures=$((failures + 1)); }

[ $failures -eq 0 ] || exit 1
echo "pre-commit $(pre-commit --version | cut -d' ' -f2): every hook passes and fails as it should"
