package dev.dmvpn.harness.json;

import java.nio.charset.StandardCharsets;

/**
 * A member name encoded once: the bytes {@code "name":} ready to copy. The decode command writes the same few dozen
 * names for every frame; a constant of this type turns each into one array copy instead of a per-character copy of a
 * String. Names are the decode contract's ASCII literals; anything needing an escape is refused. A longer run that
 * also ends where a value starts (an object's opening and its first members, up to a name) can be captured once with
 * {@link JsonBytes#toPrefix()} and replayed the same way.
 */
public final class JsonName {
  final byte[] encoded;

  JsonName(byte[] encoded) {
    this.encoded = encoded;
  }

  /**
   * @throws IllegalArgumentException for a name with a character JSON would escape or outside ASCII (a programming
   *     error: names are constants)
   */
  public static JsonName of(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x7f) {
        throw new IllegalArgumentException("JSON name needs escaping: " + name);
      }
    }
    return new JsonName(("\"" + name + "\":").getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return new String(encoded, 0, encoded.length - 1, StandardCharsets.US_ASCII);
  }
}
