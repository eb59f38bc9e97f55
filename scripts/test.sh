#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite under ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/deps.sh
# The grammar test's npm packages, exactly as the committed lockfile pins them.
npm ci --prefix editors/tests --no-audit --no-fund >/dev/null
# The language server's protocol tests use VS Code's JSON-RPC library, pinned the same way.
npm ci --prefix editors/lsp-tests --no-audit --no-fund >/dev/null
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPOLICYC_WERROR=ON
cmake --build build
ctest --test-dir build --output-on-failure -j"$(nproc)"
# The same suite under ASan and UBSan, then a short run of every fuzz harness
# (skipped without clang and libFuzzer). See docs/security.md.
./scripts/sanitize.sh
./scripts/fuzz.sh --seconds 10
