#!/bin/bash
# stop-guest.sh ROLE: asks the guest to power off (out/ROLE.stop), then ends the guest kernel by its recorded PID
# (SIGTERM, then SIGKILL) if it has not gone within 5 s. UML's own helper processes are its children and end with it.
: "${UML_DIR:?set UML_DIR}"
O=$UML_DIR/out; [ -f "$O/$1.pid" ] || exit 0
p=$(cat "$O/$1.pid")
gone() { ! kill -0 "$p" 2>/dev/null; }
touch "$O/$1.stop"
for i in $(seq 50); do gone && break; sleep 0.1; done
gone || { kill "$p" 2>/dev/null; for i in $(seq 20); do gone && break; sleep 0.1; done; }
gone || kill -9 "$p" 2>/dev/null
rm -f "$O/$1.pid"; exit 0
