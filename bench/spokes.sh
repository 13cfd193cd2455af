#!/usr/bin/env bash
# Spokes per JVM (issue 4): one hub + N spokes in one JVM on one in-process segment; every spoke brings up IKE
# (Main Mode + Quick Mode) with the hub and registers over ESP. Prints spokes/s, times to first/median/last, time
# to 1000, heap per idle registered spoke and the class-histogram growth per spoke.
# Usage: bench/spokes.sh [SPOKES [THREADS [GROUP [WINDOW]]]]   (default 1000 2 1 "0 100"; GROUP 1 is the document's
# policy; WINDOW > 0 keeps that many spokes negotiating at once, 0 starts all at the same instant; the default
# runs both, one JVM each)
# DMVPN_JAVA_OPTS is passed to the JVM (default -Xmx2g); e.g. add -XX:StartFlightRecording=filename=spokes.jfr
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
spokes=${1:-1000}
threads=${2:-2}
group=${3:-1}
windows=${4:-0 100}
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)"
for window in $windows; do
  DMVPN_JAVA_OPTS=${DMVPN_JAVA_OPTS:--Xmx2g} "$root/bin/dmvpn-harness" bench-spokes --spokes "$spokes" \
    --threads "$threads" --group "$group" --window "$window"
done
