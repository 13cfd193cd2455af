#!/usr/bin/env bash
# The document's scenario with all its checks, end to end: `bin/dmvpn-harness demo` (the virtual-rack suites on
# the document's rack, reached through the drivers), each run a fresh JVM. Prints the machine, the wall and CPU
# time of each run and the phase timings of the last one (the scenario's own steps).
# Usage: bench/demo.sh [RUNS]   (default 3; builds first if needed, the build is not timed)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
runs=${1:-3}
out="$root/bench/out"
mkdir -p "$out"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)"
"$root/bin/dmvpn-harness" --version >/dev/null   # builds the jars once, outside the timed runs
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  status=0
  /usr/bin/time -f "%U %S" -o "$out/demo-cpu.txt" "$root/bin/dmvpn-harness" demo --report-dir "$out/demo-run" \
    > "$out/demo-$i.txt" 2>&1 || status=$?
  end=$(date +%s.%N)
  read -r user sys < "$out/demo-cpu.txt"
  printf 'run %d: exit %d, wall %.1f s, cpu %.1f s user + %.1f s sys, %s\n' "$i" "$status" \
    "$(echo "$end - $start" | bc)" "$user" "$sys" "$(tail -1 "$out/demo-$i.txt")"
done
echo "phases of the last run:"
grep -E '^\s+\[scenario\]|^(PASS|FAIL|SKIP|ERROR) ' "$out/demo-$runs.txt"
