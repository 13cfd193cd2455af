package dev.dmvpn.ref.l2l3;

/**
 * One IEEE 802.1Q (or 802.1ad) tag, kept exactly as on the wire.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     TPID (0x8100/0x88a8)      | PCP |D|        VLAN ID        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param tpid the tag protocol identifier that introduced the tag
 * @param tci the 16-bit tag control information (priority, drop-eligible bit, VLAN id)
 * @see <a href="https://standards.ieee.org/ieee/802.1Q/">IEEE 802.1Q section 9.6</a>
 */
public record VlanTag(EtherType tpid, int tci) {

  /** A plain 802.1Q tag with priority 0. */
  public static VlanTag of(int vlanId) {
    return new VlanTag(EtherType.VLAN, vlanId & 0xFFF);
  }

  public int priority() {
    return tci >>> 13;
  }

  public boolean dropEligible() {
    return ((tci >>> 12) & 1) != 0;
  }

  public int vlanId() {
    return tci & 0xFFF;
  }
}
