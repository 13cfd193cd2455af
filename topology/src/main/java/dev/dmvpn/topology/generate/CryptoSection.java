package dev.dmvpn.topology.generate;

import dev.dmvpn.ref.config.Secret;
import dev.dmvpn.topology.IpsecSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The crypto section every member gets, in the order and form IOS 12.3 prints it: values equal to the IOS
 * defaults (encryption des, hash sha, authentication rsa-sig, group 1, lifetime 86400) are not printed, which is
 * why the document's policy shows only {@code hash md5} and {@code authentication pre-share}.
 */
final class CryptoSection {
  /** The wildcard peer the document's {@code crypto isakmp key ... address 0.0.0.0 0.0.0.0} uses. */
  static final String ANY_PEER = "address 0.0.0.0 0.0.0.0";

  private CryptoSection() {}

  static List<ConfigLine> lines(IpsecSpec s, Secret psk) {
    List<ConfigLine> out = new ArrayList<>();
    out.add(ConfigLine.plain("crypto isakmp policy " + s.policyPriority()));
    if (!s.encryption().equals("des")) {
      out.add(ConfigLine.plain(" encr " + s.encryption()));
    }
    if (!s.hash().equals("sha")) {
      out.add(ConfigLine.plain(" hash " + s.hash()));
    }
    out.add(ConfigLine.plain(" authentication " + s.authentication()));
    if (s.group() != 1) {
      out.add(ConfigLine.plain(" group " + s.group()));
    }
    if (s.lifetimeSeconds() != 86400) {
      out.add(ConfigLine.plain(" lifetime " + s.lifetimeSeconds()));
    }
    out.add(ConfigLine.withSecret("crypto isakmp key " + ConfigLine.SLOT + " " + ANY_PEER, psk));
    out.add(ConfigLine.plain("!"));
    out.add(ConfigLine.plain("crypto ipsec transform-set " + s.transformSetName() + " "
        + String.join(" ", s.transforms())));
    s.mode().ifPresent(m -> out.add(ConfigLine.plain(" mode " + m)));
    out.add(ConfigLine.plain("!"));
    out.add(ConfigLine.plain("crypto ipsec profile " + s.profileName()));
    s.saLifetimeSeconds().ifPresent(l -> out.add(ConfigLine.plain(" set security-association lifetime seconds " + l)));
    out.add(ConfigLine.plain(" set transform-set " + s.transformSetName()));
    out.add(ConfigLine.plain("!"));
    return out;
  }
}
