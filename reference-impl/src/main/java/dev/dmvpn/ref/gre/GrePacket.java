package dev.dmvpn.ref.gre;

import dev.dmvpn.ref.bytes.ByteContent;
import dev.dmvpn.ref.bytes.ByteSlice;
import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.bytes.InternetChecksum;

/**
 * A GRE packet: RFC 2784 with the RFC 2890 key and sequence extensions, tolerant of the RFC 1701 routing,
 * strict-source-route and recursion bits and of PPTP's enhanced GRE (version 1, RFC 2637).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |C|R|K|S|s|Recur|A| Flags | Ver |         Protocol Type         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Checksum (optional)      |  Reserved1 / Offset (optional)|  present if C or R
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Key (optional)                        |  K; v1: payload length | call id
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Sequence Number (optional)                    |  S
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |             Acknowledgment Number (optional, v1)              |  A (version 1 only)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Routing (optional, SREs)                    |  R (RFC 1701)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The flags-and-version word is the single source of truth for which optional fields exist; the compact
 * constructor rejects a record whose nullable fields disagree with it. Key 0 present ({@code key == 0L}, the
 * DMVPN "tunnel key 0") is distinct from no key ({@code key == null}). Arrays are stored as given and must not
 * be mutated.
 *
 * @param flagsAndVersion the first 16 bits exactly as on the wire (including reserved bits)
 * @param protocolType the payload's protocol type
 * @param checksum the checksum field when C or R is set (only meaningful with C), else 0
 * @param reserved1 the Reserved1 field (RFC 2784) / Offset (RFC 1701) when C or R is set, else 0
 * @param key the key (unsigned 32 bits), null when K is clear
 * @param sequenceNumber the sequence number (unsigned 32 bits), null when S is clear
 * @param acknowledgmentNumber version 1 only: the acknowledgment number, null when A is clear
 * @param routing RFC 1701 source route entries including the terminating null SRE; empty when R is clear
 * @param payloadSlice the encapsulated packet (a view, see {@link #payload()} for a copy)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2784#section-2">RFC 2784 section 2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2890#section-2">RFC 2890 section 2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1701#section-2">RFC 1701 section 2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2637#section-4.1">RFC 2637 section 4.1</a>
 */
public record GrePacket(
    int flagsAndVersion,
    GreProtocolType protocolType,
    int checksum,
    int reserved1,
    Long key,
    Long sequenceNumber,
    Long acknowledgmentNumber,
    byte[] routing,
    ByteSlice payloadSlice) {

  public static final int FLAG_CHECKSUM = 0x8000;
  public static final int FLAG_ROUTING = 0x4000;
  public static final int FLAG_KEY = 0x2000;
  public static final int FLAG_SEQUENCE = 0x1000;
  public static final int FLAG_STRICT_SOURCE_ROUTE = 0x0800;
  public static final int MASK_RECURSION = 0x0700;
  /** Acknowledgment present: version 1 (PPTP) only; part of the reserved flags in version 0. */
  public static final int FLAG_ACK = 0x0080;
  public static final int MASK_VERSION = 0x0007;
  static final byte[] EMPTY = new byte[0];

  public GrePacket {
    routing = routing == null ? EMPTY : routing;
    requireConsistent(key != null, (flagsAndVersion & FLAG_KEY) != 0, "key", "K");
    requireConsistent(sequenceNumber != null, (flagsAndVersion & FLAG_SEQUENCE) != 0, "sequence number", "S");
    requireConsistent(acknowledgmentNumber != null, ackFlagApplies(flagsAndVersion), "ack number", "A (v1)");
    requireConsistent(routing.length > 0, (flagsAndVersion & FLAG_ROUTING) != 0, "routing", "R");
  }

  /** A packet over {@code payload}, stored without copying: the caller must not change it afterwards. */
  public GrePacket(int flagsAndVersion, GreProtocolType protocolType, int checksum, int reserved1, Long key,
      Long sequenceNumber, Long acknowledgmentNumber, byte[] routing, byte[] payload) {
    this(flagsAndVersion, protocolType, checksum, reserved1, key, sequenceNumber, acknowledgmentNumber, routing,
        ByteSlice.wrap(payload));
  }

  /**
   * The payload as a fresh array (a copy: changing it changes nothing here). Decoders read the shared bytes
   * through {@link #payloadSlice()} without copying.
   */
  public byte[] payload() {
    return payloadSlice.toArray();
  }

  /** A version-0 packet with only the fields DMVPN uses: key when non-null, no checksum or sequence. */
  public static GrePacket of(GreProtocolType type, Long key, byte[] payload) {
    return new GrePacket(key == null ? 0 : FLAG_KEY, type, 0, 0, key, null, null, EMPTY, payload);
  }

  /** This packet with the C bit set; the encoder computes the checksum. */
  public GrePacket withChecksum() {
    return new GrePacket(flagsAndVersion | FLAG_CHECKSUM, protocolType, 0, reserved1, key, sequenceNumber,
        acknowledgmentNumber, routing, payloadSlice);
  }

  /** This packet with the S bit set and the given sequence number. */
  public GrePacket withSequenceNumber(long sequence) {
    return new GrePacket(flagsAndVersion | FLAG_SEQUENCE, protocolType, checksum, reserved1, key,
        sequence & 0xFFFF_FFFFL, acknowledgmentNumber, routing, payloadSlice);
  }

  public boolean checksumPresent() {
    return (flagsAndVersion & FLAG_CHECKSUM) != 0;
  }

  public boolean routingPresent() {
    return (flagsAndVersion & FLAG_ROUTING) != 0;
  }

  public boolean keyPresent() {
    return key != null;
  }

  public boolean sequencePresent() {
    return sequenceNumber != null;
  }

  public boolean strictSourceRoute() {
    return (flagsAndVersion & FLAG_STRICT_SOURCE_ROUTE) != 0;
  }

  public int recursionControl() {
    return (flagsAndVersion & MASK_RECURSION) >>> 8;
  }

  public boolean ackPresent() {
    return acknowledgmentNumber != null;
  }

  public int version() {
    return flagsAndVersion & MASK_VERSION;
  }

  /** True when the checksum/offset word is on the wire: C or R set (RFC 1701). */
  public boolean checksumFieldPresent() {
    return (flagsAndVersion & (FLAG_CHECKSUM | FLAG_ROUTING)) != 0;
  }

  /** Version 1 (PPTP): the key's high 16 bits are the payload length. */
  public int pptpPayloadLength() {
    return key == null ? -1 : (int) (key >>> 16);
  }

  /** Version 1 (PPTP): the key's low 16 bits are the peer's call id. */
  public int pptpCallId() {
    return key == null ? -1 : (int) (key & 0xFFFF);
  }

  /** Bytes before the payload. */
  public int headerLength() {
    return 4 + (checksumFieldPresent() ? 4 : 0) + (key != null ? 4 : 0) + (sequenceNumber != null ? 4 : 0)
        + (acknowledgmentNumber != null ? 4 : 0) + routing.length;
  }

  /**
   * The receiver's check: false only when C is set and the checksum does not verify over header and payload
   * (RFC 2784 section 2.5). Without C there is nothing to contradict it and the result is true.
   */
  public boolean checksumValid() {
    if (!checksumPresent()) {
      return true;
    }
    ByteWriter w = new ByteWriter(headerLength() + payloadSlice.length());
    GreCodec.writeVerbatim(this, w);
    return InternetChecksum.verify(w.array(), 0, w.position());
  }

  static boolean ackFlagApplies(int flagsAndVersion) {
    return (flagsAndVersion & MASK_VERSION) == 1 && (flagsAndVersion & FLAG_ACK) != 0;
  }

  private static void requireConsistent(boolean fieldPresent, boolean flagSet, String field, String flag) {
    if (fieldPresent != flagSet) {
      throw new IllegalArgumentException(
          field + (fieldPresent ? " given but " : " missing but ") + flag + " bit " + (flagSet ? "set" : "clear"));
    }
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("GrePacket[v").append(version()).append(' ').append(protocolType);
    if (checksumPresent()) {
      b.append(" csum 0x").append(Integer.toHexString(checksum));
    }
    if (key != null) {
      b.append(" key ").append(key);
    }
    if (sequenceNumber != null) {
      b.append(" seq ").append(sequenceNumber);
    }
    if (acknowledgmentNumber != null) {
      b.append(" ack ").append(acknowledgmentNumber);
    }
    if (routing.length > 0) {
      b.append(" routing ").append(routing.length).append(" bytes");
    }
    return b.append(", ").append(payloadSlice.length()).append(" payload bytes]").toString();
  }

  /** Equality by content: byte arrays compare by their bytes ({@link ByteContent}). */
  @Override
  public boolean equals(Object o) {
    return o instanceof GrePacket x && ByteContent.equal(contentParts(), x.contentParts());
  }

  @Override
  public int hashCode() {
    return ByteContent.hash(contentParts());
  }

  private Object[] contentParts() {
    return new Object[] {flagsAndVersion, protocolType, checksum, reserved1, key, sequenceNumber,
        acknowledgmentNumber, routing, payloadSlice};
  }
}
