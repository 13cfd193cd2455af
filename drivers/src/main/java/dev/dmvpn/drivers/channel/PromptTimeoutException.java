package dev.dmvpn.drivers.channel;

import java.io.IOException;
import java.time.Duration;

/** What the channel awaited did not come before its deadline; the message names it and shows the last text seen. */
public final class PromptTimeoutException extends IOException {
  private final String awaited;
  private final String seen;

  public PromptTimeoutException(String peer, String awaited, Duration waited, String seen) {
    super("timed out after " + waited.toMillis() + " ms on " + peer + " waiting for " + awaited
        + "; last text seen: \"" + tail(seen) + "\"");
    this.awaited = awaited;
    this.seen = seen;
  }

  private static String tail(String s) {
    String t = s.length() > 200 ? "..." + s.substring(s.length() - 200) : s;
    return SecretMasker.mask(t).replace("\n", "\\n");
  }

  public String awaited() {
    return awaited;
  }

  public String seen() {
    return seen;
  }
}
