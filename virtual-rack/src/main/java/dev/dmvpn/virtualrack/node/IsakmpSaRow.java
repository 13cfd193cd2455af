package dev.dmvpn.virtualrack.node;

import dev.dmvpn.ref.bytes.Ipv4Address;

/** One {@code show crypto isakmp sa} row (12.3: no status column). */
public record IsakmpSaRow(Ipv4Address dst, Ipv4Address src, String state, int connId, int slot) {}
