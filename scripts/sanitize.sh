#!/usr/bin/env bash
# Builds everything in build-asan with AddressSanitizer and UndefinedBehaviorSanitizer
# and runs the whole test suite there: any report fails the run (docs/security.md).
# Warnings are not errors here (the normal build in scripts/test.sh has -Werror): GCC 12
# reports -Wmaybe-uninitialized inside libstdc++ headers under -O1 with the sanitizers.
set -euo pipefail
cd "$(dirname "$0")/.."
flags="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" -DPOLICYC_PACKAGE_TEST=OFF >/dev/null
cmake --build build-asan
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
