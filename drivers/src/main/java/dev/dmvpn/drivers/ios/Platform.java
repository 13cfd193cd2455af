package dev.dmvpn.drivers.ios;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a command line says, as data: prompts, login and enable dialog texts, error markers. The patterns are
 * anchored at the end of the unread text ({@code \z}) where they wait for a prompt the device leaves open.
 * Sources: ios-drivers.md section 2 (rows 3, 4, 6-11, 14-18) and the virtual rack's byte-for-byte IOS texts.
 */
public record Platform(
    String name,
    Pattern usernamePrompt,
    Pattern passwordPrompt,
    Pattern loginFailure,
    Pattern enableFailure,
    Pattern pressReturn,
    Pattern setupDialog,
    Pattern autoinstall,
    List<Pattern> commandErrors,
    ModeGraph modes,
    List<String> sessionSetup) {

  /**
   * What may follow a question or login prompt at the end of the text read: IOS prints a log message that arrives
   * while it waits for an answer at the cursor, and once the channel has moved that line out a line break stays.
   */
  public static final String AFTER_QUESTION = "[ \\t]*\\n?\\z";

  public static final Platform IOS = new Platform(
      "ios",
      Pattern.compile("(?i)(?:user ?name|login): ?" + AFTER_QUESTION),
      Pattern.compile("(?i)password: ?" + AFTER_QUESTION),
      Pattern.compile("% ?(?:Bad passwords|Login invalid|Access denied|Authentication failed)|Login incorrect"
          + "|% No password set|Password required, but none set|% Error in authentication"),
      Pattern.compile("% ?(?:Bad secrets|Bad passwords|Access denied|No password set|Error in authentication)"),
      Pattern.compile("Press RETURN to get started[.!]?\\s*\\z"),
      Pattern.compile("initial configuration dialog\\? \\[yes/no\\]: ?" + AFTER_QUESTION),
      Pattern.compile("terminate autoinstall\\? ?\\[yes\\]: ?" + AFTER_QUESTION),
      List.of(
          Pattern.compile("(?m)^% ?Invalid (?:input|command).*$"),
          Pattern.compile("(?m)^% ?Incomplete (?:command|input).*$"),
          Pattern.compile("(?m)^% ?Ambiguous (?:command|input).*$"),
          Pattern.compile("(?m)^% ?Unknown command.*$"),
          Pattern.compile("(?m)^Command authorization failed.*$"),
          Pattern.compile("(?m)^%ERROR:.*$")),
      ModeGraph.IOS,
      List.of("terminal length 0", "terminal width 511"));

  /**
   * FRRouting's vty (interop-peers.md section 4): the same dialogs; errors carry the daemon's tag
   * ({@code % [OSPF] Unknown command: foo}, seen on ospfd 8.4.4); no {@code terminal width} command.
   */
  public static final Platform FRR = new Platform(
      "frr",
      IOS.usernamePrompt(),
      IOS.passwordPrompt(),
      Pattern.compile("% ?Bad passwords|% ?Access denied|Login incorrect"),
      Pattern.compile("% ?Bad passwords|% ?Access denied|% ?No password set"),
      IOS.pressReturn(),
      IOS.setupDialog(),
      IOS.autoinstall(),
      List.of(
          Pattern.compile("(?m)^% (?:\\[\\w+\\] )?(?:Unknown|Ambiguous|Incomplete|Invalid) command.*$"),
          Pattern.compile("(?m)^% (?:\\[\\w+\\] )?Command incomplete.*$")),
      ModeGraph.IOS,
      List.of("terminal length 0"));

  /** A prompt of any host name; used until the host name is learned, and after a {@code hostname} command. */
  public Pattern anyPrompt() {
    return ANY_PROMPT;
  }

  private static final Pattern ANY_PROMPT =
      Pattern.compile("(?:\\A|\\n)([A-Za-z0-9][A-Za-z0-9._\\-/]*(?:\\([^)\\s]+\\))?[>#]) ?[ \\t]*\\n?\\z");

  /** The prompt of {@code hostname} in any mode. */
  public Pattern promptOf(String hostname) {
    return Pattern.compile("(?:\\A|\\n)(" + Pattern.quote(hostname) + "(?:\\([^)\\s]+\\))?[>#]) ?[ \\t]*\\n?\\z");
  }
}
