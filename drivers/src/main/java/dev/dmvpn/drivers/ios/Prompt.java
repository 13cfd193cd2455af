package dev.dmvpn.drivers.ios;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed prompt: {@code sv9-4>} (user exec), {@code sv9-4#} (privileged), {@code sv9-4(config)#},
 * {@code sv9-4(config-if)#} or {@code sv9-4(cfg-crypto-trans)#} (sub-mode named {@code subMode}).
 */
public record Prompt(String hostname, IosMode mode, String subMode) {
  private static final Pattern FORM = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._\\-/]*)(?:\\(([^)\\s]+)\\))?([>#])\\s*");

  public static Optional<Prompt> parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String sub = m.group(2);
    IosMode mode;
    if (sub == null) {
      mode = m.group(3).equals(">") ? IosMode.USER_EXEC : IosMode.PRIVILEGED_EXEC;
    } else if (m.group(3).equals(">")) {
      return Optional.empty(); // no mode has a parenthesised '>' prompt
    } else {
      mode = sub.equals("config") ? IosMode.CONFIG : IosMode.CONFIG_SUB;
    }
    return Optional.of(new Prompt(m.group(1), mode, sub));
  }

  @Override
  public String toString() {
    return hostname + (subMode == null ? "" : "(" + subMode + ")") + (mode == IosMode.USER_EXEC ? ">" : "#");
  }
}
