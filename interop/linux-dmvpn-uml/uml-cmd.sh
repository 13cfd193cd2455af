#!/bin/bash
# uml-cmd.sh ROLE 'shell commands' [TIMEOUT_S]: runs the commands inside the guest (its init polls out/ROLE.cmd
# every 0.2 s and writes out/ROLE.out) and prints their output; exit 1 on timeout.
: "${UML_DIR:?set UML_DIR}"
O=$UML_DIR/out; T=${3:-30}
rm -f "$O/$1.out"; printf '%s\n' "$2" > "$O/$1.cmd.tmp"; mv "$O/$1.cmd.tmp" "$O/$1.cmd"
for i in $(seq $((T * 10))); do [ -f "$O/$1.out" ] && { cat "$O/$1.out"; exit 0; }; sleep 0.1; done
echo "uml-cmd.sh: no answer from $1 within ${T}s" >&2; exit 1
