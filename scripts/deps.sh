#!/usr/bin/env bash
# Installs the Debian 12 packages policyc builds with, when any is missing.
set -euo pipefail
packages=(cmake ninja-build g++ tao-pegtl-dev libyaml-cpp-dev libfmt-dev catch2 libcli11-dev)
# The shells and the editor the completion and syntax tests run in.
packages+=(zsh vim)
# Google Benchmark: bench/ is built (and smoke-tested) only when it is installed.
packages+=(libbenchmark-dev)
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
