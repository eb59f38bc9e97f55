#!/usr/bin/env bash
# Line and branch coverage of the whole test suite: a --coverage build in build-coverage,
# every ctest test, then gcovr (Debian's gcovr) per layer folder and the largest
# uncovered regions. Figures are recorded in docs/security.md ("What the tests reach").
#
#   scripts/coverage.sh [--regions N]     (default: the 20 largest uncovered regions)
set -euo pipefail
cd "$(dirname "$0")/.."
regions=20
[ "${1:-}" = "--regions" ] && regions=$2
command -v gcovr >/dev/null || { echo "coverage.sh: gcovr is not installed (Debian: gcovr)" >&2; exit 2; }
build=build-coverage
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="--coverage -O0" \
  -DCMAKE_EXE_LINKER_FLAGS=--coverage >/dev/null
cmake --build "$build"
find "$build" -name '*.gcda' -delete
ctest --test-dir "$build" -j"$(nproc)" --output-on-failure >"$build/ctest.log" || {
  tail -20 "$build/ctest.log"
  exit 1
}
layers=(base grammar ir compiler runtime pipelock pipeline lsp cli)
filters=()
for layer in "${layers[@]}"; do filters+=(--filter "$PWD/$layer/"); done
# Branch figures count only the project's own decisions, not those the compiler adds for
# exceptions and inlined library code.
common=(--root . --object-directory "$build" "${filters[@]}" --exclude-throw-branches
        --exclude-unreachable-branches --gcov-ignore-parse-errors)
gcovr "${common[@]}" --json "$build/coverage.json" >/dev/null
python3 - "$build/coverage.json" "$regions" "${layers[@]}" <<'PY'
import json, sys
data, regions, layers = json.load(open(sys.argv[1])), int(sys.argv[2]), sys.argv[3:]
totals = {layer: [0, 0, 0, 0] for layer in layers}  # lines hit, lines, branches hit, branches
gaps = []
for f in data["files"]:
    layer = f["file"].split("/")[0]
    if layer not in totals:
        continue
    run = None
    for line in f["lines"]:
        if line.get("gcovr/noncode"):
            continue
        t = totals[layer]
        t[1] += 1
        t[0] += line["count"] > 0
        for b in line["branches"]:
            t[3] += 1
            t[2] += b["count"] > 0
        if line["count"] == 0:
            run = run or [f["file"], line["line_number"], 0]
            run[2] = line["line_number"]
        elif run:
            gaps.append(run)
            run = None
    if run:
        gaps.append(run)
print(f"{'layer':10} {'lines':>16} {'branches':>16}")
all_t = [0, 0, 0, 0]
for layer, t in totals.items():
    all_t = [a + b for a, b in zip(all_t, t)]
    pct = lambda hit, n: f"{100 * hit / n:5.1f}% of {n:5d}" if n else "       -      "
    print(f"{layer:10} {pct(t[0], t[1]):>16} {pct(t[2], t[3]):>16}")
pct = lambda hit, n: f"{100 * hit / n:5.1f}% of {n:5d}"
print(f"{'all':10} {pct(all_t[0], all_t[1]):>16} {pct(all_t[2], all_t[3]):>16}")
print(f"\nThe {regions} largest uncovered regions (lines never run):")
for path, first, last in sorted(gaps, key=lambda g: g[1] - g[2])[:regions]:
    print(f"  {path}:{first}-{last} ({last - first + 1} lines)")
PY
