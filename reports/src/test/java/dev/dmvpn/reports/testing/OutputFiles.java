package dev.dmvpn.reports.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Looks through a report directory the way a reader (or grep) would. */
public final class OutputFiles {
  private static final Pattern DATA_LINK = Pattern.compile("href=\"data:[^;\"]+;base64,([A-Za-z0-9+/=]*)\"");

  private OutputFiles() {}

  public static List<Path> all(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** Files under {@code dir} whose bytes contain {@code needle} (UTF-8), as grep -r would list them. */
  public static List<Path> containing(Path dir, String needle) throws IOException {
    byte[] n = needle.getBytes(StandardCharsets.UTF_8);
    List<Path> hits = new ArrayList<>();
    for (Path p : all(dir)) {
      if (indexOf(Files.readAllBytes(p), n) >= 0) {
        hits.add(p);
      }
    }
    return hits;
  }

  /** The decoded contents of every {@code data:...;base64,} link of an HTML text. */
  public static List<byte[]> dataLinks(String html) {
    List<byte[]> out = new ArrayList<>();
    Matcher m = DATA_LINK.matcher(html);
    while (m.find()) {
      out.add(Base64.getDecoder().decode(m.group(1)));
    }
    return out;
  }

  public static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The last line of a text file. */
  public static String lastLine(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }
}
