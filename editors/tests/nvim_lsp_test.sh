#!/usr/bin/env bash
# `policyc lsp` in a real editor: Neovim (0.7, Debian 12) headless with its built-in LSP
# client runs nvim_lsp_test.lua against a scratch project.
#   editors/tests/nvim_lsp_test.sh POLICYC SOURCE_DIR
# Exit codes: 0 pass, 1 fail, 77 skipped because nvim is not installed.
set -uo pipefail
policyc=$1
source_dir=$(cd "$2" && pwd)
if ! command -v nvim >/dev/null; then
    echo "SKIP: nvim (Debian: neovim) is not installed"
    exit 77
fi
project=$(mktemp -d)
trap 'rm -rf "$project"' EXIT
cat > "$project/pipelock.policy" <<'POLICY'
import "defaults.policy"

manifest bottle {
  on: bool = false
}

set allowlist: hostname

rule r {
  allowlist += DEFAULT
}

output pipelock {
  mode = "strict"
  api_allowlist = allowlist
}
POLICY
echo 'const DEFAULTS: list<hostname> = ["a.example.com"]' > "$project/defaults.policy"
POLICYC=$policyc PROJECT=$project timeout 60 \
    nvim --headless -n -i NONE --clean -c "luafile $source_dir/editors/tests/nvim_lsp_test.lua"
status=$?
[ $status -eq 0 ] && echo "nvim: diagnostics, an unsaved import edit and formatting as expected"
exit $status
