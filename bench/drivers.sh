#!/usr/bin/env bash
# The drivers side by side with netmiko against the same virtual-rack router (the hub sv9-2, booted from the
# document's hub configuration) over a telnet VTY on loopback, in one run: connect + login + enable, `show version`,
# pushing the hub configuration. Ours: every line's echo and answer checked; netmiko: send_config_set (no per-line
# check). Medians after a warm-up (ours; netmiko is not warmed: a Python client has no JIT).
# Usage: bench/drivers.sh [ROUNDS] [SHOWS] [NETMIKO_CONNECTS] [NETMIKO_SHOWS] [NETMIKO_PUSHES]
#   defaults 20 500 5 20 3. Netmiko comes from Debian's python3-netmiko (installed here when missing; PyPI is not
#   reachable from this workplace); without it only our figures are printed.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
rounds=${1:-20}; shows=${2:-500}; n_conn=${3:-5}; n_show=${4:-20}; n_push=${5:-3}
config="$root/reference-impl/src/main/resources/configs/sv9-2.ios"
. "$root/bin/lib/ensure-debian-packages.sh"
ensure_harness_jar "$root"
client=()
# Debian's package installs into the system Python (/usr/bin/python3), not a pyenv or venv one on the PATH
if ensure_debian_packages python3-netmiko && /usr/bin/python3 -c 'import netmiko' 2>/dev/null; then
  client=(-- /usr/bin/python3 "$root/bench/netmiko_drivers.py" "$config" "$n_conn" "$n_show" "$n_push")
else
  echo "netmiko: not available (python3-netmiko could not be installed); our figures only"
fi
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "java: $(java -version 2>&1 | head -1)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$root/harness/target/dmvpn-harness.jar" dev.dmvpn.harness.bench.DriversBenchmark "$config" "$rounds" \
  "$shows" "${client[@]}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
