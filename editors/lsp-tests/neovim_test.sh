#!/usr/bin/env bash
# `policyc lsp` in headless Neovim's built-in client (neovim_test.lua): a typo's
# diagnostic, hover, definition in an imported file, formatting; a bottle's unknown key.
# Usage: neovim_test.sh POLICYC SOURCE_DIR
set -euo pipefail
# Paths made absolute (a bare name is looked up in PATH): Neovim runs in a scratch folder.
policyc=$1
[[ $policyc == */* ]] && policyc=$(realpath "$policyc")
here=$(realpath "$2")/editors/lsp-tests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%s\n' '# The hosts every bottle reaches.' 'const Hosts: list<hostname> = ["a.example.com"]' \
  > "$work/defaults.policy"
printf '%s\n' 'import "defaults.policy"' '' 'manifest bottle {' '  on: bool = false' '}' '' \
  'set allowlist: hostname' '' 'rule r {' '  allowlist += Hots' '}' '' 'output pipelock {' \
  '  mode   =   "strict"' '  api_allowlist = allowlist' '}' > "$work/pipelock.policy"
printf '%s\n' 'supervize: true' > "$work/bottle.yaml"
cd "$work"
POLICYC="$policyc" timeout 60 nvim --headless --clean -n -u NONE \
  -c "luafile $here/neovim_test.lua" "$work/pipelock.policy"
