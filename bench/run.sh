#!/usr/bin/env bash
# Whole-process figures for docs/performance.md: policyc against the floor (bench/floor.cpp)
# on a typical bottle and on generated bottles of 1k, 10k and 100k hosts, then batch
# throughput. Each pair runs alternately (floor, policyc, floor, ...) so a noisy machine
# slows both alike; medians of wall time, and the largest peak resident set.
#
#   bench/run.sh [BUILD_DIR] [RUNS]     (default: build, 21 runs; fewer for large bottles)
#
# Build first with -DCMAKE_BUILD_TYPE=RelWithDebInfo (or Release); a Debug build measures
# the wrong thing. Takes a few minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
runs=${2:-21}
for tool in policyc bench/policyc_floor bench/policyc_measure bench/policyc_make_bottle; do
  if [ ! -x "$build/$tool" ]; then
    echo "run.sh: $build/$tool is missing; build with benchmarks on first" >&2
    exit 2
  fi
done
policyc=$build/policyc
floor=$build/bench/policyc_floor
measure=$build/bench/policyc_measure
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "build: $(grep -m1 CMAKE_BUILD_TYPE: "$build/CMakeCache.txt" | cut -d= -f2)"
if [ -x "$build/bench/policyc_bench" ]; then
  "$build/bench/policyc_bench" --benchmark_filter='^BM_(Load|Parse)ShippedPolicy$' \
    --benchmark_repetitions=9 --benchmark_report_aggregates_only=true \
    --benchmark_format=csv 2>/dev/null |
    awk -F, '/Load.*_median/ {printf "shipped policy from the snapshot + check, in process: %.0f us cpu (median of 9)\n", $4}
             /Parse.*_median/ {printf "shipped policy parsed from text + check, in process: %.0f us cpu (median of 9)\n", $4}'
fi
echo
printf '%-8s %9s | %9s %9s %6s | %9s %9s %6s | %9s %9s %6s\n' bottle bytes \
  floor_ms policyc_ms ratio floor_cpu policy_cpu ratio floor_MiB policy_MiB ratio

# One row: the floor and policyc on one bottle, alternately, N times each. Columns of
# policyc_measure: runs, median wall, q1, q3, median cpu, max rss (KiB).
row() {
  local label=$1 bottle=$2 n=$3
  "$measure" "$n" -- "$floor" "$bottle" -- "$policyc" compile "$bottle" > "$work/figures"
  awk -v label="$label" -v bytes="$(wc -c < "$bottle")" '
    NR == 2 {fw = $2; fc = $5; fr = $6}
    NR == 3 {printf "%-8s %9d | %9.2f %9.2f %6.2f | %9.2f %9.2f %6.2f | %9.1f %9.1f %6.2f\n",
             label, bytes, fw, $2, $2 / fw, fc, $5, $5 / fc, fr / 1024, $6 / 1024, $6 / fr}' \
    "$work/figures"
}

row typical golden/pipelock/routes/bottle.yaml "$runs"
for hosts in 1000 10000 100000; do
  "$build/bench/policyc_make_bottle" "$hosts" > "$work/hosts-$hosts.yaml"
  n=$runs
  [ "$hosts" -ge 10000 ] && n=$(( runs > 9 ? 9 : runs ))
  [ "$hosts" -ge 100000 ] && n=$(( runs > 5 ? 5 : runs ))
  row "$((hosts / 1000))k" "$work/hosts-$hosts.yaml" "$n"
done

# Batch: every golden case that compiles with the default arguments (except the one
# named large), copied round-robin into a fleet of 10,000 bottles.
echo
fleet=$work/fleet
mkdir -p "$fleet"
cases=()
for dir in golden/pipelock/*/; do
  [ -e "$dir/args" ] || [ -e "$dir/expected.exit" ] || [ ! -e "$dir/bottle.yaml" ] && continue
  case "$dir" in *large*) continue ;; esac
  cases+=("$(cat "$dir/bottle.yaml")"$'\n')
done
count=10000
for ((i = 0; i < count; i++)); do
  printf '%s' "${cases[$((i % ${#cases[@]}))]}" > "$fleet/bottle-$i.yaml"
done
batch() {
  local label=$1 out=$2 n=$3
  "$measure" "$n" -- "$policyc" compile --out-dir "$out" "$fleet" > "$work/figures"
  awk -v label="$label" -v n="$count" 'NR == 2 {
    printf "batch, %-34s %7.0f ms wall %7.0f ms cpu %7.0f bottles/s  peak %5.1f MiB\n",
           label ":", $2, $5, n / ($2 / 1000), $6 / 1024}' "$work/figures"
}
echo "batch: $count bottles of ${#cases[@]} kinds"
batch "new folder on disk" "$work/out" 1
batch "again, every config unchanged" "$work/out" 3
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  shm=$(mktemp -d /dev/shm/policyc-bench-XXXXXX)
  trap 'rm -rf "$work" "$shm"' EXIT
  batch "new folder on tmpfs" "$shm/out" 1
fi
