package dev.dmvpn.harness.sequence;

/** A field condition's test; the key written in the file is {@link #key()}, a plain value means {@link #EQ}. */
public enum Operator {
  EQ("eq", "="),
  NE("ne", "!="),
  LT("lt", "<"),
  LE("le", "<="),
  GT("gt", ">"),
  GE("ge", ">="),
  IN("in", "in"),
  /** {@code present: true}: the field exists and is not null. */
  PRESENT("present", "present"),
  /** {@code present: false}: the field is missing or null. */
  MISSING("present", "missing"),
  /** A Java regular expression that must match the whole value. */
  MATCHES("matches", "~");

  private final String key;
  private final String symbol;

  Operator(String key, String symbol) {
    this.key = key;
    this.symbol = symbol;
  }

  public String key() {
    return key;
  }

  /** How the report writes it: {@code nhrp.hopCount = 254}. */
  public String symbol() {
    return symbol;
  }
}
