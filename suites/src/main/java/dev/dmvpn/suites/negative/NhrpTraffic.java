package dev.dmvpn.suites.negative;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registration counters of {@code show ip nhrp traffic} in the 12.x layout ({@code Register packets sent:
 * N}; the Cisco IOS 12.2 IP command reference's sample, which the virtual rack prints; 12.4(9)T and later print
 * another layout, which this does not read). Used to count a spoke's registration attempts: the bounded
 * observation of "the hub never answers" is "the spoke retried this many times and the hub never answered".
 *
 * @param registerSent {@code Register packets sent} (requests and replies, summed over tunnels)
 * @param registerReceived {@code Register packets received}
 */
record NhrpTraffic(long registerSent, long registerReceived) {
  private static final Pattern SENT = Pattern.compile("Register packets sent: (\\d+)");
  private static final Pattern RECEIVED = Pattern.compile("Register packets received: (\\d+)");

  static NhrpTraffic parse(String output) {
    return new NhrpTraffic(sum(SENT, output), sum(RECEIVED, output));
  }

  private static long sum(Pattern p, String output) {
    Matcher m = p.matcher(output);
    long total = 0;
    boolean any = false;
    while (m.find()) {
      total += Long.parseLong(m.group(1));
      any = true;
    }
    if (!any) {
      throw new IllegalArgumentException("not show ip nhrp traffic output (no '" + p.pattern().replace(
          " (\\d+)", "") + "'): " + output.strip());
    }
    return total;
  }
}
