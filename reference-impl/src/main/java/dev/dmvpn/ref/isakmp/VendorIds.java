package dev.dmvpn.ref.isakmp;

import dev.dmvpn.ref.bytes.Hex;
import java.util.Arrays;

/**
 * Vendor IDs that matter to IOS interop (values as in strongSwan {@code isakmp_vendor.c} and libreswan
 * {@code vendorid.c}; see protocol-notes 3.4), and the recogniser for the per-SA vendor ID IOS sends to
 * another IOS box.
 */
public final class VendorIds {

  /** A fixed, well-known vendor ID. */
  public enum Known {
    /** MD5("CISCO-UNITY") with the last two bytes replaced by version 1.0. */
    CISCO_UNITY("Cisco Unity 1.0", "12f5f28c457168a9702d9fe274cc0100"),
    /** RFC 3706 Dead Peer Detection. */
    DPD("DPD", "afcad71368a1f1c96b8696fc77570100"),
    /** First 8 bytes of MD5("draft-ietf-ipsra-isakmp-xauth-06.txt"). */
    XAUTH("XAUTH", "09002689dfd6b712"),
    /** MD5("RFC 3947"). */
    NAT_T_RFC3947("NAT-T RFC 3947", "4a131c81070358455c5728f20e95452f"),
    NAT_T_DRAFT_07("NAT-T draft-ietf-ipsec-nat-t-ike-07", "439b59f8ba676c4c7737ae22eab8f582"),
    NAT_T_DRAFT_03("NAT-T draft-ietf-ipsec-nat-t-ike-03", "7d9419a65310ca6f2c179d9215529d56"),
    /** MD5 of the draft name with a trailing newline, as some implementations computed it. */
    NAT_T_DRAFT_02N("NAT-T draft-ietf-ipsec-nat-t-ike-02\\n", "90cb80913ebb696e086381b5ec427b1f"),
    NAT_T_DRAFT_02("NAT-T draft-ietf-ipsec-nat-t-ike-02", "cd60464335df21f87cfdb2fc68b6a448"),
    NAT_T_DRAFT_00("NAT-T draft-ietf-ipsec-nat-t-ike-00", "4485152d18b6bbcd0be8a8469579ddcc");

    private final String label;
    private final byte[] bytes;

    Known(String label, String hex) {
      this.label = label;
      this.bytes = Hex.parse(hex);
    }

    public String label() {
      return label;
    }

    /** A fresh copy of the vendor ID bytes. */
    public byte[] bytes() {
      return bytes.clone();
    }

    /** A payload carrying this vendor ID. */
    public VendorIdPayload payload() {
      return new VendorIdPayload(bytes());
    }

    boolean matches(byte[] vid) {
      return Arrays.equals(bytes, vid);
    }
  }

  /** XOR mask IOS applies to its own cookie to form bytes 0-7 of its per-SA vendor ID. */
  public static final long IOS_PER_SA_MASK = 0xf5c7a71d00010000L;
  /** Length of the IOS per-SA vendor ID. */
  public static final int IOS_PER_SA_LENGTH = 16;

  private VendorIds() {}

  /** The known vendor ID with exactly these bytes, or null. */
  public static Known lookup(byte[] vid) {
    for (Known k : Known.values()) {
      if (k.matches(vid)) {
        return k;
      }
    }
    return null;
  }

  /**
   * True when {@code vid} is the IOS per-SA vendor ID of the peer whose cookie is {@code senderCookie}:
   * 16 bytes whose first 8 are the sender's cookie XOR {@link #IOS_PER_SA_MASK}. Bytes 8-15 vary and are not
   * checked (derived from 6 VIDs in 3 real IOS exchanges; whether IOS checks them is unconfirmed).
   */
  public static boolean isIosPerSa(byte[] vid, long senderCookie) {
    if (vid.length != IOS_PER_SA_LENGTH) {
      return false;
    }
    long head = 0;
    for (int i = 0; i < 8; i++) {
      head = (head << 8) | (vid[i] & 0xFF);
    }
    return head == (senderCookie ^ IOS_PER_SA_MASK);
  }

  /** Builds an IOS per-SA vendor ID for our own cookie; {@code tail} supplies bytes 8-15. */
  public static byte[] iosPerSa(long ownCookie, byte[] tail) {
    if (tail.length != 8) {
      throw new IllegalArgumentException("IOS per-SA VID tail must be 8 bytes, got " + tail.length);
    }
    byte[] vid = new byte[IOS_PER_SA_LENGTH];
    long head = ownCookie ^ IOS_PER_SA_MASK;
    for (int i = 7; i >= 0; i--) {
      vid[i] = (byte) head;
      head >>>= 8;
    }
    System.arraycopy(tail, 0, vid, 8, 8);
    return vid;
  }

  /**
   * A label for logs: the known name, "IOS per-SA" when it matches {@code senderCookie}, else the hex.
   */
  public static String describe(byte[] vid, long senderCookie) {
    Known k = lookup(vid);
    if (k != null) {
      return k.label();
    }
    return isIosPerSa(vid, senderCookie) ? "IOS per-SA" : Hex.of(vid);
  }
}
