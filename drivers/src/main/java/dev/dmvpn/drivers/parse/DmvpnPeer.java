package dev.dmvpn.drivers.parse;

/**
 * One peer row of {@code show dmvpn}.
 *
 * @param iface the {@code Interface:} block it is listed under
 * @param entries the {@code # Ent} column (of the row that named the NBMA address)
 * @param nbma the peer's NBMA address
 * @param tunnel the peer's tunnel address
 * @param state {@code UP}, {@code NHRP}, {@code IKE}, {@code IPSEC}, {@code NHRP}, ...
 * @param upDown the up or down time as printed ({@code never}, {@code 00:29:40}, {@code 6d12h})
 * @param attributes the {@code Attrb} letters ({@code S}, {@code D}, {@code DT1}, {@code SC}, ...)
 */
public record DmvpnPeer(String iface, int entries, String nbma, String tunnel, String state, String upDown,
    String attributes) {}
