package dev.dmvpn.harness.scenario;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One change to a device's generated configuration before it is pushed: how a negative or timer suite runs the
 * document's scenario with one line different (a wrong pre-shared key, another tunnel key, {@code mode transport}).
 * The pattern is a regular expression over the configuration text in multi-line mode ({@code ^}/{@code $} at line
 * ends); the replacement may use {@code $0}, so {@code "$0\n mode transport"} adds a line after the match. An edit
 * that matches nothing is an error, never a silent no-op: a negative suite whose change was not applied would pass
 * for the wrong reason.
 *
 * @param device the testbed device whose configuration changes
 * @param pattern what to find (multi-line mode)
 * @param replacement what it becomes ({@link Matcher#replaceAll(String)} syntax)
 */
public record ConfigEdit(String device, Pattern pattern, String replacement) {

  public ConfigEdit {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(replacement, "replacement");
  }

  /** An edit from a regular expression in multi-line mode. */
  public static ConfigEdit of(String device, String regex, String replacement) {
    return new ConfigEdit(device, Pattern.compile(regex, Pattern.MULTILINE), replacement);
  }

  /** The configuration with every match replaced; fails naming the device and the pattern when nothing matches. */
  public String apply(String configText) throws ScenarioException {
    Matcher m = pattern.matcher(configText);
    if (!m.find()) {
      throw new ScenarioException(device + ": configuration edit matched nothing: /" + pattern.pattern() + "/");
    }
    return m.replaceAll(replacement);
  }

  @Override
  public String toString() {
    // the replacement may be a (wrong) key: say what changes, not to what
    return device + ": /" + pattern.pattern() + "/ replaced";
  }
}
