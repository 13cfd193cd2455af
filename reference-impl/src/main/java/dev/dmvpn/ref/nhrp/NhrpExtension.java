package dev.dmvpn.ref.nhrp;

import dev.dmvpn.ref.bytes.ByteContent;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One NHRP extension. On the wire each starts with a type word (C bit 0x8000 = compulsory, u bit 0x4000
 * unused, type in the low 14 bits) and a length that excludes these 4 bytes.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |C|u|        Type               |        Length                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Value...                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>{@link #flagBits()} keeps the C and u bits exactly as received (IOS: C set on 0, 3, 4, 5, 7 and clear on
 * Cisco's type 9). Byte arrays are stored as given and must not be mutated.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2332#section-5.3">RFC 2332 section 5.3</a>
 */
public sealed interface NhrpExtension {
  int COMPULSORY = 0x8000;
  int U_BIT = 0x4000;
  int TYPE_MASK = 0x3FFF;

  /** The C and u bits of the type word (mask 0xC000). */
  int flagBits();

  NhrpExtensionType type();

  default boolean compulsory() {
    return (flagBits() & COMPULSORY) != 0;
  }

  /** Length of the value on the wire (the extension's length field; the 4-byte header not counted). */
  default int valueLength() {
    if (this instanceof ResponderAddress x) {
      return NhrpCie.wireLength(x.cies());
    } else if (this instanceof ForwardTransit x) {
      return NhrpCie.wireLength(x.cies());
    } else if (this instanceof ReverseTransit x) {
      return NhrpCie.wireLength(x.cies());
    } else if (this instanceof CiscoNat x) {
      return NhrpCie.wireLength(x.cies());
    } else if (this instanceof Authentication x) {
      return 4 + x.data().length;
    } else if (this instanceof VendorPrivate x) {
      return 3 + x.data().length;
    } else if (this instanceof Unknown x) {
      return x.value().length;
    }
    return 0; // End
  }

  /** End of extensions (type 0, length 0; IOS sends {@code 80 00 00 00}). */
  record End(int flagBits) implements NhrpExtension {
    public NhrpExtensionType type() {
      return NhrpExtensionType.END;
    }
  }

  /** Responder Address (type 3): empty in requests, the responder's CIE in replies. */
  record ResponderAddress(int flagBits, List<NhrpCie> cies) implements NhrpExtension {
    public NhrpExtensionType type() {
      return NhrpExtensionType.RESPONDER_ADDRESS;
    }

    /** The responder's CIE, or {@code null} when empty (requests). */
    public NhrpCie cie() {
      return cies.isEmpty() ? null : cies.get(0);
    }
  }

  /** Forward Transit NHS Record (type 4): each NHS forwarding a request appends its CIE. */
  record ForwardTransit(int flagBits, List<NhrpCie> cies) implements NhrpExtension {
    public NhrpExtensionType type() {
      return NhrpExtensionType.FORWARD_TRANSIT_NHS;
    }
  }

  /** Reverse Transit NHS Record (type 5): each NHS forwarding a reply appends its CIE. */
  record ReverseTransit(int flagBits, List<NhrpCie> cies) implements NhrpExtension {
    public NhrpExtensionType type() {
      return NhrpExtensionType.REVERSE_TRANSIT_NHS;
    }
  }

  /**
   * Authentication (type 7), Cisco form: a 4-byte SPI (1 = cleartext password; the RFC's 2 reserved bytes +
   * 2-byte SPI read the same way) followed by the password bytes, without the RFC's source address.
   */
  record Authentication(int flagBits, long spi, byte[] data) implements NhrpExtension {
    public static final long SPI_CLEARTEXT = 1;

    public NhrpExtensionType type() {
      return NhrpExtensionType.AUTHENTICATION;
    }

    /** The cleartext password when SPI is 1 and every byte is printable ASCII, else {@code null}. */
    public String password() {
      if (spi != SPI_CLEARTEXT) {
        return null;
      }
      for (byte b : data) {
        if (b < 0x20 || b > 0x7E) {
          return null;
        }
      }
      return new String(data, StandardCharsets.US_ASCII);
    }

    /** Equality by content: byte arrays compare by their bytes ({@link ByteContent}). */
    @Override
    public boolean equals(Object o) {
      return o instanceof Authentication x && ByteContent.equal(contentParts(), x.contentParts());
    }

    @Override
    public int hashCode() {
      return ByteContent.hash(contentParts());
    }

    private Object[] contentParts() {
      return new Object[] {flagBits, spi, data};
    }
  }

  /** Vendor-Private (type 8): 3-byte IEEE OUI followed by vendor data. */
  record VendorPrivate(int flagBits, int oui, byte[] data) implements NhrpExtension {
    public NhrpExtensionType type() {
      return NhrpExtensionType.VENDOR_PRIVATE;
    }

    /** Equality by content: byte arrays compare by their bytes ({@link ByteContent}). */
    @Override
    public boolean equals(Object o) {
      return o instanceof VendorPrivate x && ByteContent.equal(contentParts(), x.contentParts());
    }

    @Override
    public int hashCode() {
      return ByteContent.hash(contentParts());
    }

    private Object[] contentParts() {
      return new Object[] {flagBits, oui, data};
    }
  }

  /** Cisco NAT Address (type 9, C clear): CIEs with NBMA addresses as seen by the NHS; may be empty. */
  record CiscoNat(int flagBits, List<NhrpCie> cies) implements NhrpExtension {
    public NhrpExtensionType type() {
      return NhrpExtensionType.CISCO_NAT_ADDRESS;
    }
  }

  /**
   * Any other extension, value kept raw. Also used for a type-9 extension of length 8, which is RFC 2735 Device
   * Capabilities rather than Cisco's NAT address (Wireshark makes the same distinction).
   */
  record Unknown(int flagBits, int typeValue, byte[] value) implements NhrpExtension {
    public NhrpExtensionType type() {
      return NhrpExtensionType.valueOf(typeValue);
    }

    /** Equality by content: byte arrays compare by their bytes ({@link ByteContent}). */
    @Override
    public boolean equals(Object o) {
      return o instanceof Unknown x && ByteContent.equal(contentParts(), x.contentParts());
    }

    @Override
    public int hashCode() {
      return ByteContent.hash(contentParts());
    }

    private Object[] contentParts() {
      return new Object[] {flagBits, typeValue, value};
    }
  }

  /** {@code 80 00 00 00}. */
  static End end() {
    return new End(COMPULSORY);
  }

  /** Compulsory Responder Address with the given CIE, or empty when {@code cie} is null. */
  static ResponderAddress responderAddress(NhrpCie cie) {
    return new ResponderAddress(COMPULSORY, cie == null ? List.of() : List.of(cie));
  }

  static ForwardTransit forwardTransit(List<NhrpCie> cies) {
    return new ForwardTransit(COMPULSORY, List.copyOf(cies));
  }

  static ReverseTransit reverseTransit(List<NhrpCie> cies) {
    return new ReverseTransit(COMPULSORY, List.copyOf(cies));
  }

  /** Cisco cleartext authentication ({@code ip nhrp authentication <password>}): SPI 1 + the password. */
  static Authentication ciscoAuthentication(String password) {
    return new Authentication(
        COMPULSORY, Authentication.SPI_CLEARTEXT, password.getBytes(StandardCharsets.US_ASCII));
  }

  /** Cisco NAT address extension (C bit clear, as IOS sends it). */
  static CiscoNat ciscoNat(List<NhrpCie> cies) {
    return new CiscoNat(0, List.copyOf(cies));
  }
}
