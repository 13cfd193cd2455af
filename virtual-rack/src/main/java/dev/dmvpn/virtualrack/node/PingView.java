package dev.dmvpn.virtualrack.node;

import java.util.List;

/**
 * The lines of an IOS ping, as the document prints them (seed lines 520-525, 634-636): a blank line, {@code Type escape
 * sequence to abort.}, {@code Sending 5, 100-byte ICMP Echos to 2.2.2.2, timeout is 2 seconds:}, the marks,
 * {@code Success rate is 100 percent (5/5), round-trip min/avg/max = 1/2/4 ms} (no round-trip part when nothing
 * came back). Round trips in whole milliseconds, the average rounded down [unconfirmed: IOS's rounding].
 */
public final class PingView {
  private PingView() {}

  public static String head(int count, int size, String destination, int timeoutSeconds) {
    return "\nType escape sequence to abort.\n" + "Sending " + count + ", " + size + "-byte ICMP Echos to "
        + destination + ", timeout is " + timeoutSeconds + " seconds:\n";
  }

  public static String result(String marks, int sent, int answered, List<Long> rttNanos) {
    StringBuilder sb = new StringBuilder(marks).append('\n');
    int percent = sent == 0 ? 0 : answered * 100 / sent;
    sb.append("Success rate is ").append(percent).append(" percent (").append(answered).append('/').append(sent)
        .append(')');
    if (!rttNanos.isEmpty()) {
      long min = Long.MAX_VALUE;
      long max = 0;
      long sum = 0;
      for (long n : rttNanos) {
        long ms = n / 1_000_000;
        min = Math.min(min, ms);
        max = Math.max(max, ms);
        sum += ms;
      }
      sb.append(", round-trip min/avg/max = ").append(min).append('/').append(sum / rttNanos.size()).append('/')
          .append(max).append(" ms");
    }
    return sb.append('\n').toString();
  }
}
