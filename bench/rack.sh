#!/usr/bin/env bash
# Virtual rack (issue 8): lab up until the three document routers' console prompts, show latency over a telnet
# VTY (median/p90 of 200 runs per command), the document's configs pasted into three blank consoles until
# ping 2.2.2.2 on sv9-4 succeeds 5/5 (time scale 1), and one hub + N spokes from HubAndSpokes.testbed(N): start
# time, time until the hub holds every registration, heap after GC.
# Usage: bench/rack.sh [SPOKES [PART]]   (default 100 all; PART start|paste|spokes|all)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
spokes=${1:-100}
part=${2:-all}
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)"
DMVPN_JAVA_OPTS=${DMVPN_JAVA_OPTS:--Xmx2g} "$root/bin/dmvpn-harness" bench-rack --part "$part" --spokes "$spokes"
