package dev.dmvpn.ref.eigrp;

/**
 * One TLV of an EIGRP packet: Type (2), Length (2, including these four bytes), Value.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |             Type              |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Value (Length - 4)                    |
 * </pre>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7868#section-6.6">RFC 7868 section 6.6</a>
 */
public sealed interface EigrpTlv permits ParameterTlv, SoftwareVersionTlv, SequenceTlv, NextMulticastSequenceTlv,
    RouteTlv, UnknownTlv {

  EigrpTlvType type();
}
