package dev.dmvpn.harness.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A streaming JSON writer into one growing byte array (UTF-8), for the {@code decode} command's hot path: numbers,
 * IPv4 addresses, hex and timestamps are formatted straight into the bytes (no intermediate String, no
 * String.format, no charset encoder), and the buffer is reused from frame to frame. The output is byte for byte
 * what {@link JsonWriter} writes (same escaping, same number forms). Commas are inserted automatically.
 */
public final class JsonBytes {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  /** "00".."99": two digits per table lookup */
  private static final byte[] DIGIT_PAIRS = new byte[200];

  static {
    for (int i = 0; i < 100; i++) {
      DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
      DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

  private byte[] buf;
  private int len;
  /** true when the next value/name in the current container needs a leading comma */
  private boolean needComma;
  /** the whole seconds last written by {@link #epochSeconds} and their digits */
  private long lastSecond;
  private byte[] lastSecondDigits;

  public JsonBytes(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  public int length() {
    return len;
  }

  /** Forgets the content, keeps the buffer. */
  public void reset() {
    len = 0;
    needComma = false;
  }

  public byte[] array() {
    return buf;
  }

  /**
   * Everything written so far as a fragment that {@link #name(JsonName)} replays: valid only when the content ends
   * where a value is expected (after a name), e.g. {@code {"type":3,"name":"x","length":}} for objects that always
   * begin the same way.
   */
  public JsonName toPrefix() {
    return new JsonName(toByteArray());
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  public void writeTo(OutputStream out) throws IOException {
    out.write(buf, 0, len);
  }

  @Override
  public String toString() {
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }

  /** A raw byte (e.g. the newline between JSON Lines); resets the comma state. */
  public JsonBytes newline() {
    ensure(1);
    buf[len++] = '\n';
    needComma = false;
    return this;
  }

  public JsonBytes beginObject() {
    comma();
    put('{');
    needComma = false;
    return this;
  }

  public JsonBytes endObject() {
    put('}');
    needComma = true;
    return this;
  }

  public JsonBytes beginArray() {
    comma();
    put('[');
    needComma = false;
    return this;
  }

  public JsonBytes endArray() {
    put(']');
    needComma = true;
    return this;
  }

  /**
   * Writes a member name; the next call writes its value. Names are the decode contract's ASCII literals (no
   * character needing an escape), copied without a per-character check.
   */
  public JsonBytes name(String name) {
    comma();
    int n = name.length();
    ensure(n + 3);
    buf[len++] = '"';
    asciiCopy(name, n);
    buf[len++] = '"';
    buf[len++] = ':';
    needComma = false;
    return this;
  }

  /** Writes a pre-encoded member name; the next call writes its value. */
  public JsonBytes name(JsonName name) {
    comma();
    byte[] b = name.encoded;
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    needComma = false;
    return this;
  }

  public JsonBytes value(String s) {
    comma();
    if (s == null) {
      raw(NULL);
    } else {
      string(s);
    }
    needComma = true;
    return this;
  }

  public JsonBytes value(long v) {
    comma();
    number(v);
    needComma = true;
    return this;
  }

  public JsonBytes value(boolean v) {
    comma();
    raw(v ? TRUE : FALSE);
    needComma = true;
    return this;
  }

  /** A number or null. */
  public JsonBytes value(Long v) {
    return v == null ? nullValue() : value(v.longValue());
  }

  public JsonBytes nullValue() {
    comma();
    raw(NULL);
    needComma = true;
    return this;
  }

  /** {@code "a.b.c.d"} for a 32-bit IPv4 address. */
  public JsonBytes ipv4(int bits) {
    comma();
    ensure(17);
    buf[len++] = '"';
    for (int shift = 24; shift >= 0; shift -= 8) {
      number((bits >>> shift) & 0xFF);
      if (shift > 0) {
        buf[len++] = '.';
      }
    }
    buf[len++] = '"';
    needComma = true;
    return this;
  }

  /** {@code "a.b.c.d"} for 4 bytes of {@code b} at {@code off}. */
  public JsonBytes ipv4(byte[] b, int off) {
    return ipv4(((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8)
        | (b[off + 3] & 0xFF));
  }

  /** A quoted lower-case hex string of {@code v}, zero-padded to {@code digits}, after {@code prefix}. */
  public JsonBytes hex(String prefix, long v, int digits) {
    comma();
    int n = Math.max(digits, (64 - Long.numberOfLeadingZeros(v) + 3) / 4);
    ensure(prefix.length() + n + 2);
    buf[len++] = '"';
    for (int i = 0; i < prefix.length(); i++) {
      buf[len++] = (byte) prefix.charAt(i);
    }
    for (int i = n - 1; i >= 0; i--) {
      buf[len++] = HEX[(int) (v >>> (4 * i)) & 0xF];
    }
    buf[len++] = '"';
    needComma = true;
    return this;
  }

  /** A quoted lower-case hex string of the bytes. */
  public JsonBytes hex(byte[] b) {
    comma();
    ensure(2 * b.length + 2);
    buf[len++] = '"';
    for (byte x : b) {
      buf[len++] = HEX[(x >>> 4) & 0xF];
      buf[len++] = HEX[x & 0xF];
    }
    buf[len++] = '"';
    needComma = true;
    return this;
  }

  /**
   * Epoch seconds with nine decimals (tshark's frame.time_epoch form), as a JSON number. Frames of a capture share
   * their whole seconds, so the integer part is formatted once and copied while it stays the same.
   */
  public JsonBytes epochSeconds(long nanos) {
    comma();
    long sec = Math.floorDiv(nanos, 1_000_000_000L);
    int frac = (int) Math.floorMod(nanos, 1_000_000_000L);
    if (sec != lastSecond || lastSecondDigits == null) {
      int start = len;
      number(sec);
      lastSecondDigits = Arrays.copyOfRange(buf, start, len);
      lastSecond = sec;
    } else {
      raw(lastSecondDigits);
    }
    ensure(10);
    buf[len] = '.';
    // nine digits right to left: division by the constant 10 compiles to a multiply, unlike a variable divisor
    for (int i = len + 9; i > len; i--) {
      int q = frac / 10;
      buf[i] = (byte) ('0' + frac - q * 10);
      frac = q;
    }
    len += 10;
    needComma = true;
    return this;
  }

  public JsonBytes field(JsonName name, String v) {
    return name(name).value(v);
  }

  public JsonBytes field(JsonName name, long v) {
    return name(name).value(v);
  }

  public JsonBytes field(JsonName name, boolean v) {
    return name(name).value(v);
  }

  public JsonBytes field(String name, String v) {
    return name(name).value(v);
  }

  public JsonBytes field(String name, long v) {
    return name(name).value(v);
  }

  public JsonBytes field(String name, boolean v) {
    return name(name).value(v);
  }

  private void comma() {
    if (needComma) {
      put(',');
    }
  }

  private void put(char c) {
    ensure(1);
    buf[len++] = (byte) c;
  }

  private void raw(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
  }

  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a plain copy of Latin-1 chars
  private void asciiCopy(String s, int n) {
    s.getBytes(0, n, buf, len);
    len += n;
  }

  /** Decimal digits of {@code v} (Long.toString's form, including Long.MIN_VALUE). */
  private void number(long v) {
    ensure(20);
    if (v >= 0 && v < 1000) { // most numbers in the output: ports, TTLs, lengths, codes
      int x = (int) v;
      if (x >= 100) {
        buf[len++] = (byte) ('0' + x / 100);
      }
      if (x >= 10) {
        buf[len++] = (byte) ('0' + (x / 10) % 10);
      }
      buf[len++] = (byte) ('0' + x % 10);
      return;
    }
    if (v == Long.MIN_VALUE) {
      raw(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
      return;
    }
    if (v < 0) {
      buf[len++] = '-';
      v = -v;
    }
    if (v <= Integer.MAX_VALUE) {
      positiveInt((int) v);
      return;
    }
    int digits = 1;
    for (long p = 10; p <= v && digits < 19; p *= 10) {
      digits++;
    }
    int end = len + digits;
    for (int i = end - 1; i >= len; i--) {
      buf[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    len = end;
  }

  /** Decimal digits of a non-negative int: count, then fill right to left two digits at a time. */
  private void positiveInt(int v) {
    int digits = 1;
    for (int t = v; t >= 10; t /= 10) {
      digits++;
    }
    int i = len + digits;
    len = i;
    while (v >= 100) {
      int q = v / 100;
      int r = (v - q * 100) * 2;
      buf[--i] = DIGIT_PAIRS[r + 1];
      buf[--i] = DIGIT_PAIRS[r];
      v = q;
    }
    if (v >= 10) {
      buf[--i] = DIGIT_PAIRS[v * 2 + 1];
      buf[--i] = DIGIT_PAIRS[v * 2];
    } else {
      buf[--i] = (byte) ('0' + v);
    }
  }

  /** A quoted string: ASCII without escapes is copied byte by byte; anything else as {@link JsonWriter} does. */
  private void string(String s) {
    int n = s.length();
    ensure(n + 2);
    int start = len;
    buf[len++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x7f) {
        len = start;
        slowString(s);
        return;
      }
      buf[len++] = (byte) c;
    }
    buf[len++] = '"';
  }

  private void slowString(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    new JsonWriter(sb).value(s);
    raw(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }
}
