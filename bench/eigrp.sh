#!/usr/bin/env bash
# EIGRP convergence (issue 7): the document's three routers (IKE + NHRP + EIGRP over IPsec) and one hub with N
# spokes running EIGRP only, both on the simulated clock; prints simulated and wall time, packets and heap per spoke.
# Usage: bench/eigrp.sh [SPOKES]   (default 1000); DMVPN_JAVA_OPTS is passed to the JVM (default -Xmx2g)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
spokes=${1:-1000}
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)"
DMVPN_JAVA_OPTS=${DMVPN_JAVA_OPTS:--Xmx2g} "$root/bin/dmvpn-harness" bench-eigrp --spokes "$spokes"
