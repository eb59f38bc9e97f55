#!/usr/bin/env bash
# Installs what is missing, builds policyc, and compiles the example bottle to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --target policyc >/dev/null
./build/policyc compile examples/bottle.yaml
