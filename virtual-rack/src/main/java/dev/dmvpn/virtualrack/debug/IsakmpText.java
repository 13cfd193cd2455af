package dev.dmvpn.virtualrack.debug;

import dev.dmvpn.ref.isakmp.DataAttribute;
import dev.dmvpn.ref.isakmp.IkeAttributes;
import dev.dmvpn.ref.isakmp.IpsecAttributes;
import dev.dmvpn.ref.isakmp.TransformPayload;
import dev.dmvpn.ref.isakmp.VendorIdPayload;
import dev.dmvpn.ref.isakmp.VendorIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words {@code debug crypto isakmp} uses for what a message carries, as the document's debugs print them
 * (seed, "ISAKMP and IPsec Negotiation Debugs"): Phase 1 and Phase 2 attributes in wire order ({@code encryption
 * DES-CBC}, {@code life duration (VPI) of 0x0 0x1 0x51 0x80}, {@code encaps is 1}, {@code SA life duration
 * (basic) of 120}), and vendor IDs ({@code vendor ID seems Unity/DPD but major 157 mismatch} + {@code vendor ID is
 * NAT-T v3}: the "major" is byte 14 of the NAT-T hash, 157 for draft-03 and 123 for draft-02\n).
 */
final class IsakmpText {
  private IsakmpText() {}

  static List<String> phase1Attributes(TransformPayload t) {
    List<String> out = new ArrayList<>();
    for (DataAttribute a : t.attributes()) {
      int v = a.basic() ? number(a) : -1;
      out.add("ISAKMP: " + switch (a.type()) {
        case IkeAttributes.ENCRYPTION_ALGORITHM -> "encryption " + switch (v) {
          case IkeAttributes.ENCR_DES_CBC -> "DES-CBC";
          case IkeAttributes.ENCR_3DES_CBC -> "3DES-CBC";
          case IkeAttributes.ENCR_AES_CBC -> "AES-CBC";
          default -> "unknown " + v;
        };
        case IkeAttributes.HASH_ALGORITHM -> "hash " + (v == IkeAttributes.HASH_MD5 ? "MD5"
            : v == IkeAttributes.HASH_SHA ? "SHA" : "unknown " + v);
        case IkeAttributes.GROUP_DESCRIPTION -> "default group " + v;
        case IkeAttributes.AUTHENTICATION_METHOD -> "auth " + (v == IkeAttributes.AUTH_PRE_SHARED_KEY ? "pre-share"
            : v == IkeAttributes.AUTH_RSA_SIGNATURES ? "RSA sig" : "unknown " + v);
        case IkeAttributes.LIFE_TYPE -> "life type in " + (v == IkeAttributes.LIFE_SECONDS ? "seconds" : "kilobytes");
        case IkeAttributes.LIFE_DURATION -> "life duration " + duration(a);
        case IkeAttributes.KEY_LENGTH -> "keylength of " + v;
        default -> "attribute " + a.type();
      });
    }
    return out;
  }

  static List<String> phase2Attributes(TransformPayload t) {
    List<String> out = new ArrayList<>();
    out.add("ISAKMP: transform " + t.number() + ", " + espName(t.transformId()));
    out.add("ISAKMP: attributes in transform:");
    for (DataAttribute a : t.attributes()) {
      int v = a.basic() ? number(a) : -1;
      out.add("ISAKMP: " + switch (a.type()) {
        case IpsecAttributes.ENCAPSULATION_MODE -> "encaps is " + v;
        case IpsecAttributes.SA_LIFE_TYPE -> "SA life type in "
            + (v == IpsecAttributes.LIFE_SECONDS ? "seconds" : "kilobytes");
        case IpsecAttributes.SA_LIFE_DURATION -> "SA life duration " + duration(a);
        case IpsecAttributes.AUTHENTICATION_ALGORITHM -> "authenticator is " + (v == IpsecAttributes.AUTH_HMAC_MD5
            ? "HMAC-MD5" : v == IpsecAttributes.AUTH_HMAC_SHA ? "HMAC-SHA" : "unknown " + v);
        case IpsecAttributes.GROUP_DESCRIPTION -> "group is " + v;
        case IpsecAttributes.KEY_LENGTH -> "key length is " + v;
        default -> "attribute " + a.type();
      });
    }
    return out;
  }

  /** {@code esp-3des esp-md5-hmac} of a Phase 2 transform, as {@code IPSEC(validate_proposal_request)} prints it. */
  static String transformSet(TransformPayload t) {
    String enc = switch (t.transformId()) {
      case IpsecAttributes.ESP_DES -> "esp-des";
      case IpsecAttributes.ESP_3DES -> "esp-3des";
      case IpsecAttributes.ESP_AES -> "esp-aes";
      default -> "esp-" + t.transformId();
    };
    for (DataAttribute a : t.attributes()) {
      if (a.type() == IpsecAttributes.AUTHENTICATION_ALGORITHM && a.basic()) {
        int v = number(a);
        return enc + (v == IpsecAttributes.AUTH_HMAC_MD5 ? " esp-md5-hmac" : " esp-sha-hmac");
      }
    }
    return enc;
  }

  private static String espName(int id) {
    return switch (id) {
      case IpsecAttributes.ESP_DES -> "ESP_DES";
      case IpsecAttributes.ESP_3DES -> "ESP_3DES";
      case IpsecAttributes.ESP_AES -> "ESP_AES";
      default -> "ESP_" + id;
    };
  }

  /** {@code (basic) of 120} or {@code (VPI) of 0x0 0x46 0x50 0x0}. */
  private static String duration(DataAttribute a) {
    if (a.basic()) {
      return "(basic) of " + number(a);
    }
    StringBuilder sb = new StringBuilder("(VPI) of");
    for (byte b : a.value()) {
      sb.append(" 0x").append(Integer.toHexString(b & 0xFF).toUpperCase(Locale.ROOT));
    }
    return sb.toString();
  }

  private static int number(DataAttribute a) {
    return ((a.value()[0] & 0xFF) << 8) | (a.value()[1] & 0xFF);
  }

  /** The lines for one vendor ID payload ({@code head} = {@code ISAKMP (0:N): }). */
  static List<String> vendorId(String head, VendorIdPayload v, long senderCookie) {
    List<String> out = new ArrayList<>();
    out.add(head + "processing vendor id payload");
    byte[] id = v.data();
    VendorIds.Known k = VendorIds.lookup(id);
    if (k == null) {
      out.add(head + (VendorIds.isIosPerSa(id, senderCookie) ? "speaking to another IOS box!"
          : "vendor ID is unknown"));
      return out;
    }
    switch (k) {
      case CISCO_UNITY -> out.add(head + "vendor ID is Unity");
      case DPD -> out.add(head + "vendor ID is DPD");
      case XAUTH -> out.add(head + "vendor ID is XAUTH");
      case NAT_T_RFC3947 -> out.add(head + "vendor ID is NAT-T RFC 3947");
      default -> {
        out.add(head + "vendor ID seems Unity/DPD but major " + (id[14] & 0xFF) + " mismatch");
        String version = switch (k) {
          case NAT_T_DRAFT_07 -> "v7";
          case NAT_T_DRAFT_03 -> "v3";
          case NAT_T_DRAFT_00 -> "v0";
          default -> "v2";
        };
        out.add(head + "vendor ID is NAT-T " + version);
      }
    }
    return out;
  }
}
