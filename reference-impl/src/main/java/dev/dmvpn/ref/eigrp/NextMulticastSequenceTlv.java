package dev.dmvpn.ref.eigrp;

/**
 * Next Multicast Sequence TLV (0x0005, length 8): the sequence number of the multicast packet with the
 * Conditional Receive flag that follows this hello.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7868#section-5.3.3">RFC 7868 section 5.3.3</a>
 */
public record NextMulticastSequenceTlv(long sequence) implements EigrpTlv {
  public static final int LENGTH = 8;

  public NextMulticastSequenceTlv {
    if (sequence < 0 || sequence > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("sequence is 32 bits: " + sequence);
    }
  }

  @Override
  public EigrpTlvType type() {
    return EigrpTlvType.NEXT_MULTICAST_SEQUENCE;
  }
}
