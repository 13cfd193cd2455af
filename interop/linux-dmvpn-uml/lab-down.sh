#!/bin/bash
# lab-down.sh: removes what lab-up.sh and uml-start.sh made for LAB_ID (guests must be stopped first: stop-guest.sh).
# Deleting wan-$LAB_ID deletes its taps, the bridge and (with it) both ends of the probe veth. Never fails.
: "${LAB_ID:?set LAB_ID}"
ip netns del "wan-$LAB_ID" 2>/dev/null
ip netns del "probe-$LAB_ID" 2>/dev/null
ip link del "dmvp$LAB_ID" 2>/dev/null
exit 0
