package dev.dmvpn.ref.image;

import dev.dmvpn.ref.config.ConfigLine;
import dev.dmvpn.ref.config.IosConfig;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the {@link IosImage} a router behaves as: an explicit choice first, then the configuration's {@code boot
 * system} image name (it names the release: {@code c3725-ik9s-mz.123-3.bin} is 12.3(3)), then its {@code version}
 * line (the train: {@code version 12.3}), else {@link IosImage#DEFAULT}. Releases without a profile are refused
 * with the known ones named, never guessed.
 */
public final class IosImages {
  /** {@code <platform>-<features>-mz.<train><rebuild>-<release>[.<suffix>].bin}, e.g. c2691-ik9s-mz.123-3.bin. */
  private static final Pattern IMAGE_FILE =
      Pattern.compile("(?i)(?:^|[:/\\s])c\\w+-\\w+-mz\\.(?:spa\\.)?(\\d\\d)(\\d)-(\\d+)[a-z]?(?:\\.[\\w.]*)?\\.bin$");
  private static final Pattern RELEASE = Pattern.compile("(\\d+)\\.(\\d+)(?:\\((\\d+)[a-z]?\\))?\\S*");

  private IosImages() {}

  /** A configuration line names a release without a profile. */
  public static final class UnknownRelease extends IllegalArgumentException {
    private final int lineNumber;

    UnknownRelease(int lineNumber, String message, Throwable cause) {
      super(message, cause);
      this.lineNumber = lineNumber;
    }

    /** The configuration line that named the release. */
    public int lineNumber() {
      return lineNumber;
    }
  }

  /** The profiles there are. */
  public static List<IosImage> known() {
    return List.of(IosImage.IOS_12_3_3, IosImage.IOS_12_4);
  }

  /**
   * The profile for a release or train: {@code 12.3} and {@code 12.3(N)} are 12.3(3)'s; {@code 12.4(...)},
   * {@code 15.x} the later one.
   *
   * @throws IllegalArgumentException for other releases or text that is no release, naming the known profiles
   */
  public static IosImage byRelease(String release) {
    Matcher m = RELEASE.matcher(release == null ? "" : release.trim());
    if (m.matches()) {
      int major = Integer.parseInt(m.group(1));
      int minor = Integer.parseInt(m.group(2));
      if (major == 12 && minor == 3) {
        return IosImage.IOS_12_3_3;
      }
      if ((major == 12 && minor == 4) || major == 15) {
        return IosImage.IOS_12_4;
      }
    }
    throw new IllegalArgumentException("no IOS image profile for release '" + release + "': known are 12.3 ("
        + IosImage.IOS_12_3_3.name() + ") and 12.4/15.x (" + IosImage.IOS_12_4.name() + ")");
  }

  /** The release an image file name carries ({@code flash:c2691-ik9s-mz.123-3.bin} gives 12.3(3)), if any. */
  public static Optional<String> releaseOfImageFile(String file) {
    Matcher m = IMAGE_FILE.matcher(file.trim());
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(m.group(1) + "." + m.group(2) + "(" + m.group(3) + ")");
  }

  /**
   * The image for a router: {@code explicit} (a release, e.g. from a command line option) when not {@code null},
   * else the configuration's first {@code boot system} image, else its {@code version}, else the default.
   *
   * @throws IllegalArgumentException for an explicit release without a profile; {@link UnknownRelease} naming the
   *     line (and its number) whose release has none
   */
  public static IosImage select(String explicit, IosConfig config) {
    if (explicit != null) {
      return byRelease(explicit);
    }
    if (config != null) {
      for (ConfigLine l : config.rawLines()) {
        String t = l.text().trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("boot system ")) {
          Optional<String> release = releaseOfImageFile(l.text().trim());
          if (release.isPresent()) {
            return withLine(release.get(), l);
          }
        }
      }
      if (config.version() != null) {
        for (ConfigLine l : config.rawLines()) {
          if (l.text().trim().startsWith("version ")) {
            return withLine(config.version(), l);
          }
        }
        return byRelease(config.version());
      }
    }
    return IosImage.DEFAULT;
  }

  private static IosImage withLine(String release, ConfigLine line) {
    try {
      return byRelease(release);
    } catch (IllegalArgumentException e) {
      throw new UnknownRelease(line.number(), "line " + line.number() + " '" + line.text().trim() + "': "
          + e.getMessage(), e);
    }
  }
}
