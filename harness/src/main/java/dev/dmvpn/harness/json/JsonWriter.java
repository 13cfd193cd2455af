package dev.dmvpn.harness.json;

/**
 * A minimal streaming JSON writer into a {@link StringBuilder}: enough for one-object-per-line output without a
 * reflection-based library on the hot path of {@code decode}. Commas are inserted automatically.
 */
public final class JsonWriter {
  private final StringBuilder out;
  /** true when the next value/name in the current container needs a leading comma */
  private boolean needComma;

  public JsonWriter(StringBuilder out) {
    this.out = out;
  }

  public JsonWriter beginObject() {
    comma();
    out.append('{');
    needComma = false;
    return this;
  }

  public JsonWriter endObject() {
    out.append('}');
    needComma = true;
    return this;
  }

  public JsonWriter beginArray() {
    comma();
    out.append('[');
    needComma = false;
    return this;
  }

  public JsonWriter endArray() {
    out.append(']');
    needComma = true;
    return this;
  }

  /** Writes a member name; the next call writes its value. */
  public JsonWriter name(String name) {
    comma();
    string(name);
    out.append(':');
    needComma = false;
    return this;
  }

  public JsonWriter value(String s) {
    comma();
    if (s == null) {
      out.append("null");
    } else {
      string(s);
    }
    needComma = true;
    return this;
  }

  public JsonWriter value(long v) {
    comma();
    out.append(v);
    needComma = true;
    return this;
  }

  public JsonWriter value(boolean v) {
    comma();
    out.append(v);
    needComma = true;
    return this;
  }

  /** A number or null. */
  public JsonWriter value(Long v) {
    return v == null ? nullValue() : value(v.longValue());
  }

  public JsonWriter nullValue() {
    comma();
    out.append("null");
    needComma = true;
    return this;
  }

  /** A number already formatted (e.g. a decimal timestamp); the caller guarantees it is valid JSON. */
  public JsonWriter rawNumber(String number) {
    comma();
    out.append(number);
    needComma = true;
    return this;
  }

  public JsonWriter field(String name, String v) {
    return name(name).value(v);
  }

  public JsonWriter field(String name, long v) {
    return name(name).value(v);
  }

  public JsonWriter field(String name, boolean v) {
    return name(name).value(v);
  }

  private void comma() {
    if (needComma) {
      out.append(',');
    }
  }

  private void string(String s) {
    out.append('"');
    if (!needsEscape(s)) {
      out.append(s).append('"'); // the common case (names, addresses, hex): one bulk copy
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean needsEscape(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || (c >= 0x7f && c <= 0x9f)) {
        return true;
      }
    }
    return false;
  }
}
