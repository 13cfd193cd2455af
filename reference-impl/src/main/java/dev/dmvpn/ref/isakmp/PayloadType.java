package dev.dmvpn.ref.isakmp;

/**
 * ISAKMP payload type, the value carried in a Next Payload field, as an open enum. NAT-D has three numberings
 * in the wild and all of them are named {@code NAT-D}: 20 (RFC 3947), 15 (drafts 05-08, the "bad drafts"
 * numbering that collides with RFC 3547's SAK and that IOS uses with draft-07) and 130 (drafts 00-03, private
 * use range); NAT-OA likewise is 21 (RFC 3947) or 131 (drafts).
 *
 * @param value the wire value, 0..255 (0 ends a chain)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.1">RFC 2408 section 3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3947#section-3">RFC 3947 section 3</a>
 */
public record PayloadType(int value) {
  /** Not a payload: the Next Payload value that ends a chain. */
  public static final PayloadType NONE = new PayloadType(0);
  public static final PayloadType SA = new PayloadType(1);
  public static final PayloadType P = new PayloadType(2);
  public static final PayloadType T = new PayloadType(3);
  public static final PayloadType KE = new PayloadType(4);
  public static final PayloadType ID = new PayloadType(5);
  public static final PayloadType CERT = new PayloadType(6);
  public static final PayloadType CR = new PayloadType(7);
  public static final PayloadType HASH = new PayloadType(8);
  public static final PayloadType SIG = new PayloadType(9);
  public static final PayloadType NONCE = new PayloadType(10);
  public static final PayloadType N = new PayloadType(11);
  public static final PayloadType D = new PayloadType(12);
  public static final PayloadType VID = new PayloadType(13);
  /** NAT-D as numbered by NAT-T drafts 05-08 (libreswan ISAKMP_NEXT_NATD_BADDRAFTS); IOS with draft-07. */
  public static final PayloadType NAT_D_BAD_DRAFT = new PayloadType(15);
  public static final PayloadType NAT_D_RFC = new PayloadType(20);
  public static final PayloadType NAT_OA_RFC = new PayloadType(21);
  /** NAT-D as numbered by NAT-T drafts 00-03 (private-use range). */
  public static final PayloadType NAT_D_DRAFT = new PayloadType(130);
  public static final PayloadType NAT_OA_DRAFT = new PayloadType(131);

  /** The constant for a known value, else a new instance; never throws. */
  public static PayloadType valueOf(int value) {
    return switch (value) {
      case 0 -> NONE;
      case 1 -> SA;
      case 2 -> P;
      case 3 -> T;
      case 4 -> KE;
      case 5 -> ID;
      case 6 -> CERT;
      case 7 -> CR;
      case 8 -> HASH;
      case 9 -> SIG;
      case 10 -> NONCE;
      case 11 -> N;
      case 12 -> D;
      case 13 -> VID;
      case 15 -> NAT_D_BAD_DRAFT;
      case 20 -> NAT_D_RFC;
      case 21 -> NAT_OA_RFC;
      case 130 -> NAT_D_DRAFT;
      case 131 -> NAT_OA_DRAFT;
      default -> new PayloadType(value);
    };
  }

  /** True for the three NAT-D numberings (20, 15, 130). */
  public boolean isNatD() {
    return value == 20 || value == 15 || value == 130;
  }

  /** True for the two NAT-OA numberings (21, 131). */
  public boolean isNatOa() {
    return value == 21 || value == 131;
  }

  public String name() {
    return switch (value) {
      case 0 -> "NONE";
      case 1 -> "SA";
      case 2 -> "P";
      case 3 -> "T";
      case 4 -> "KE";
      case 5 -> "ID";
      case 6 -> "CERT";
      case 7 -> "CR";
      case 8 -> "HASH";
      case 9 -> "SIG";
      case 10 -> "NONCE";
      case 11 -> "N";
      case 12 -> "D";
      case 13 -> "VID";
      case 15, 20, 130 -> "NAT-D";
      case 21, 131 -> "NAT-OA";
      default -> "unknown-" + value;
    };
  }

  @Override
  public String toString() {
    return name();
  }
}
