package dev.dmvpn.drivers.ios;

import static dev.dmvpn.drivers.ios.Platform.AFTER_QUESTION;

import java.util.regex.Pattern;

/**
 * A question a command may ask and what to type ({@code \r} added by the session): {@code Destination filename
 * [startup-config]?} answered by an empty line, {@code [confirm]} by an empty line, {@code [yes/no]} by {@code no}.
 */
public record DialogAnswer(Pattern question, String answer) {
  public static final DialogAnswer DESTINATION_FILENAME =
      new DialogAnswer(Pattern.compile("Destination filename \\[[^\\]]*\\]\\? ?" + AFTER_QUESTION), "");
  public static final DialogAnswer CONFIRM = new DialogAnswer(Pattern.compile("\\[confirm\\] ?" + AFTER_QUESTION), "");
}
