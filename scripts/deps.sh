#!/usr/bin/env bash
# Installs the Debian 12 packages policyc builds with, when any is missing.
set -euo pipefail
packages=(cmake ninja-build g++ tao-pegtl-dev libyaml-cpp-dev libfmt-dev catch2 libcli11-dev)
# RE2: the regexps policyc matches, and pipelock's patterns checked by `policyc validate`.
packages+=(libre2-dev pkg-config)
# nlohmann-json: every JSON document policyc writes is built and dumped with it (base/json.hpp).
packages+=(nlohmann-json3-dev)
# The shells and the editor the completion and syntax tests run in.
packages+=(zsh vim)
# Neovim: its built-in LSP client runs `policyc lsp` end to end (editors/lsp-tests).
packages+=(neovim)
# clang with libFuzzer and its sanitizer runtimes: scripts/fuzz.sh runs every harness.
packages+=(clang libclang-rt-14-dev)
# libpsl and Debian's Public Suffix List data: registrable domains and W0608.
packages+=(libpsl-dev publicsuffix)
# libidn2: internationalized hostnames (IDNA2008, UTS #46) converted to their A-labels.
packages+=(libidn2-dev)
# Google Benchmark: bench/ is built (and smoke-tested) only when it is installed.
packages+=(libbenchmark-dev)
# Debian's python3 and PyYAML: the second YAML parser of tests/differential/.
packages+=(python3 python3-yaml)
# The real pre-commit and git: tests/pre_commit_try_repo_test.sh runs the hooks.
packages+=(pre-commit git)
# The Debian package and its checks (tests/package_test.sh): dpkg-shlibdeps, lintian, file.
packages+=(dpkg-dev lintian file)
missing=()
for p in "${packages[@]}"; do
  [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) == "install ok installed" ]] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y "${missing[@]}"
fi
# node and npm run the TextMate grammar test (editors/tests) and the language server's
# protocol tests (editors/lsp-tests): Debian's packages, unless
# the machine already has both (another nodejs package may provide npm).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y nodejs npm
fi
