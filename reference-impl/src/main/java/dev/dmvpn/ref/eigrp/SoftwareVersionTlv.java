package dev.dmvpn.ref.eigrp;

/**
 * Software Version TLV (0x0004, length 8): the sender's OS release and EIGRP TLV version, two bytes each
 * (major, minor). IOS 12.3 sends 12.3 / 1.2; FRR 8.4 sends 8.4 / 1.2 (frr84-eigrpd-adjacency.pcap frame 1).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7868#section-6.7.3">RFC 7868 section 6.7.3</a>
 */
public record SoftwareVersionTlv(int osMajor, int osMinor, int tlvMajor, int tlvMinor) implements EigrpTlv {
  public static final int LENGTH = 8;
  /** What this node announces: the IOS release it stands in for and TLV version 1.2. */
  public static final SoftwareVersionTlv IOS_12_3 = new SoftwareVersionTlv(12, 3, 1, 2);

  public SoftwareVersionTlv {
    for (int v : new int[] {osMajor, osMinor, tlvMajor, tlvMinor}) {
      if (v < 0 || v > 0xFF) {
        throw new IllegalArgumentException("version fields are one byte: " + v);
      }
    }
  }

  @Override
  public EigrpTlvType type() {
    return EigrpTlvType.SOFTWARE_VERSION;
  }
}
