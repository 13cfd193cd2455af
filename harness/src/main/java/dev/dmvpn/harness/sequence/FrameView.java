package dev.dmvpn.harness.sequence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One decoded frame as a flat map of named fields: the names {@code decode} prints (lists flattened to
 * {@code name[i]}, each list's size as {@code name.length}) plus derived fields (see {@link FrameViews}). Values
 * are {@code String}, {@code Long}, {@code BigDecimal}, {@code Boolean} or null (the field exists and is null).
 *
 * @param number 1-based frame number in the capture
 * @param timeNanos capture time, nanoseconds since the epoch
 */
public record FrameView(long number, long timeNanos, Map<String, Object> fields) {
  private static final Pattern WILD = Pattern.compile("\\[(\\*|last)]");

  public FrameView {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The field's value; null when missing or null (see {@link #has}). */
  public Object get(String field) {
    return fields.get(field);
  }

  public boolean has(String field) {
    return fields.containsKey(field);
  }

  /** {@code ip.src}, or null for a frame without IPv4. */
  public String source() {
    return (String) fields.get("ip.src");
  }

  public String destination() {
    return (String) fields.get("ip.dst");
  }

  /**
   * The concrete field names a name with {@code [*]} or {@code [last]} stands for (in list order); the name itself
   * when it has neither. Names of lists that are empty or missing expand to nothing.
   */
  public List<String> expand(String field) {
    Matcher m = WILD.matcher(field);
    if (!m.find()) {
      return List.of(field);
    }
    String list = field.substring(0, m.start());
    Object length = fields.get(list + ".length");
    int n = length instanceof Long l ? l.intValue() : 0;
    List<String> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    String rest = field.substring(m.end());
    if (m.group(1).equals("last")) {
      out.addAll(expand(list + "[" + (n - 1) + "]" + rest));
    } else {
      for (int i = 0; i < n; i++) {
        out.addAll(expand(list + "[" + i + "]" + rest));
      }
    }
    return out;
  }
}
