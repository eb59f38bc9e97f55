#!/usr/bin/env bash
# Builds the libFuzzer harnesses (fuzz/) in build-fuzz and runs each for a while.
#
#   scripts/fuzz.sh [--seconds N] [--parallel N] [--no-build] [--merge] [--speed] [TARGET...]
#
# TARGET is one of fuzz/CMakeLists.txt's targets (default: all). Each run starts from
# the corpus kept in the repository (fuzz/corpus/TARGET), the seeds (golden cases,
# shipped policies, saved regressions) and this machine's finds (build-fuzz/corpus/TARGET,
# where new inputs go). --merge then folds into fuzz/corpus/TARGET the finds that reach
# code it did not (libFuzzer's -merge=1), to be committed. Crashing inputs land in
# build-fuzz/artifacts/. Prints executions, coverage and corpus size of each target;
# exits 1 when any target found a crash. Without clang and libFuzzer it says so and
# exits 0. --speed measures instead: harnesses built without ASan and UBSan in
# build-fuzz-speed (what the harness itself costs, not the sanitizers), run over the kept
# corpus, their finds thrown away; it prints executions per second.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=600
parallel=2
build_first=1
merge=0
speed=0
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --parallel) parallel="$2"; shift 2 ;;
    --no-build) build_first=0; shift ;;
    --merge) merge=1; shift ;;
    --speed) speed=1; shift ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(policy manifest compile_manifest compile_policy fmt validate lsp)

probe_dir="$(mktemp -d)"
trap 'rm -rf "$probe_dir"' EXIT
echo 'extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long) { return 0; }' \
  > "$probe_dir/probe.cpp"
if ! command -v clang++ >/dev/null ||
   ! clang++ -fsanitize=fuzzer,address,undefined "$probe_dir/probe.cpp" -o "$probe_dir/probe" \
     2>/dev/null; then
  echo "fuzz: skipped, clang++ with libFuzzer is not available"
  exit 0
fi

build=build-fuzz
sanitizers=ON
if [ "$speed" = 1 ]; then build=build-fuzz-speed sanitizers=OFF merge=0; fi
if [ "$build_first" = 1 ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPOLICYC_FUZZ=ON -DPOLICYC_FUZZ_SANITIZERS=$sanitizers -DPOLICYC_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build" -j 2 --target "${targets[@]/%/_fuzz}" >/dev/null
fi

# Seeds: what the golden cases and the shipped policies hold. A manifest target reads
# its first byte as flags (bit 0: Markdown, bit 1: with launch parameters).
# Copies each file found by `find ARGS...` into the seed folder under a fresh name,
# with an optional first byte.
add_seeds() {
  local dir="$1" prefix="$2" i
  shift 2
  i=$(find "$dir" -type f | wc -l)
  while IFS= read -r file; do
    i=$((i + 1))
    { printf '%s' "$prefix"; cat "$file"; } > "$dir/seed-$i"
  done < <(find "$@" -type f | sort)
}

seed() {
  local target="$1" dir="$build/seeds/$1"
  rm -rf "$dir" && mkdir -p "$dir"
  case "$target" in
    policy|compile_policy|fmt) add_seeds "$dir" "" policies golden -name '*.policy' ;;
    manifest|compile_manifest)
      add_seeds "$dir" 2 golden examples -name '*.yaml' ! -name 'expected*'
      add_seeds "$dir" 3 golden examples -name '*.md' ! -name 'expected*' ;;
    validate) add_seeds "$dir" "" golden -name 'expected.yaml' ;;
    lsp) ;;  # sessions live in the kept corpus (fuzz/corpus/lsp) only
  esac
  if [ -d "fuzz/regressions/$target" ]; then add_seeds "$dir" "" "fuzz/regressions/$target"; fi
}

dict_of() {
  case "$1" in
    policy|compile_policy|fmt) echo fuzz/policy.dict ;;
    lsp) echo fuzz/lsp.dict ;;
    *) echo fuzz/yaml.dict ;;
  esac
}

run() {
  local target="$1"
  if [ "$speed" = 1 ]; then rm -rf "$build/corpus/$target"; fi
  mkdir -p "$build/corpus/$target" "$build/artifacts" "$build/logs" "fuzz/corpus/$target"
  seed "$target"
  # -rss_limit_mb: a run that needs more than 2 GiB is a finding (unbounded memory);
  # -timeout: one input that takes more than 60 s is a finding (a hang). The clock is the
  # wall's, and the harnesses run at the lowest priority on shared cores: at 10 s, inputs
  # that take 0.1 s alone were reported while a build held both cores.
  nice -n 19 "$build/fuzz/${target}_fuzz" -max_total_time="$seconds" -dict="$(dict_of "$target")" \
    -max_len=65536 -rss_limit_mb=2048 -timeout=60 -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$target-" \
    "$build/corpus/$target" "fuzz/corpus/$target" "$build/seeds/$target" \
    >"$build/logs/$target.log" 2>&1 || return 1
  if [ "$merge" = 1 ]; then
    nice -n 19 "$build/fuzz/${target}_fuzz" -merge=1 -max_len=65536 -rss_limit_mb=2048 \
      -timeout=60 "fuzz/corpus/$target" "$build/corpus/$target" "$build/seeds/$target" \
      >"$build/logs/$target.merge.log" 2>&1
  fi
}

status=0
pids=()
names=()
for target in "${targets[@]}"; do
  run "$target" & pids+=($!); names+=("$target")
  if [ ${#pids[@]} -ge "$parallel" ]; then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || status=1; done

for target in "${names[@]}"; do
  log="$build/logs/$target.log"
  runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)"
  crash="$(grep -m1 -E 'ERROR: (AddressSanitizer|libFuzzer|UndefinedBehaviorSanitizer)|invariant broken|runtime error' "$log" || true)"
  cov="$(grep -oE 'DONE +cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 | sed -E 's/DONE +//' || true)"
  start="$(grep -oE 'INITED cov: [0-9]+ ft: [0-9]+' "$log" | head -1 | sed -E 's/INITED //' || true)"
  kept="$(find "fuzz/corpus/$target" -type f | wc -l)"
  rate="$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)"
  echo "fuzz: $target: ${runs:-?} executions in ${seconds}s (${rate:-?}/s)," \
    "${cov:-cov: ?} (from ${start:-?} at the start)," \
    "kept corpus $kept inputs${crash:+; FOUND: $crash (see $log)}"
done
exit $status
