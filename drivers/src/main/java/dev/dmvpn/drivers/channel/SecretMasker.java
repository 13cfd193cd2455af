package dev.dmvpn.drivers.channel;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the secret in every line that carries one: {@code enable secret|password}, {@code username X
 * secret|password Y}, line {@code password X}, {@code crypto isakmp key X}, {@code ip nhrp authentication X},
 * {@code key-string}, {@code snmp-server community}, with or without the IOS type digit (0, 5, 7). The secret's
 * group is replaced by {@value #MASK}; the keyword stays so a transcript still shows what was configured.
 */
public final class SecretMasker {
  public static final String MASK = "*****";

  private static final List<Pattern> RULES = List.of(
      Pattern.compile("(\\busername\\s+\\S+\\s+(?:privilege\\s+\\d+\\s+)?(?:secret|password)\\s+(?:[0-9]\\s+)?)(\\S+)",
          Pattern.CASE_INSENSITIVE),
      Pattern.compile("(\\b(?:secret|password)\\s+(?:[0-9]\\s+)?)(\\S+)"),
      Pattern.compile("(\\bcrypto\\s+isakmp\\s+key\\s+(?:[06]\\s+)?)(\\S+)", Pattern.CASE_INSENSITIVE),
      Pattern.compile("(\\bip\\s+nhrp\\s+authentication\\s+)(\\S+)", Pattern.CASE_INSENSITIVE),
      Pattern.compile("(\\bkey-string\\s+(?:[0-9]\\s+)?)(\\S+)", Pattern.CASE_INSENSITIVE),
      Pattern.compile("(\\bpre-shared-key\\s+(?:address\\s+\\S+\\s+)?(?:key\\s+)?)(\\S+)", Pattern.CASE_INSENSITIVE),
      Pattern.compile("(\\bsnmp-server\\s+community\\s+)(\\S+)", Pattern.CASE_INSENSITIVE),
      Pattern.compile("(\\b(?:tacacs|radius)-server\\s+key\\s+(?:[07]\\s+)?)(\\S+)", Pattern.CASE_INSENSITIVE));

  private SecretMasker() {}

  public static String mask(String line) {
    String out = line;
    for (Pattern p : RULES) {
      Matcher m = p.matcher(out);
      StringBuilder sb = new StringBuilder();
      boolean any = false;
      while (m.find()) {
        any = true;
        m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + MASK));
      }
      if (any) {
        m.appendTail(sb);
        out = sb.toString();
      }
    }
    return out;
  }
}
