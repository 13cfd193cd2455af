package dev.dmvpn.virtualrack.cli;

import java.util.Locale;

/**
 * The type of a command parameter: what words it accepts and the token {@code ?} shows for it ({@code A.B.C.D},
 * {@code <1-65535>}, {@code WORD}, {@code LINE}), as IOS help prints them.
 */
public interface ParamType {

  /** The help token, e.g. {@code A.B.C.D}. */
  String token();

  boolean accepts(String word);

  /** True when the parameter takes the rest of the line (IOS {@code LINE}). */
  default boolean restOfLine() {
    return false;
  }

  /** The form stored in the configuration (e.g. an interface name spelled out); the word itself by default. */
  default String canonical(String word) {
    return word;
  }

  static ParamType word() {
    return Simple.WORD;
  }

  static ParamType line() {
    return Simple.LINE;
  }

  static ParamType ipv4() {
    return Simple.IPV4;
  }

  static ParamType range(long lo, long hi) {
    return new Range(lo, hi);
  }

  static ParamType interfaceName() {
    return InterfaceParam.INSTANCE;
  }

  /** The fixed types. */
  enum Simple implements ParamType {
    WORD("WORD"), LINE("LINE"), IPV4("A.B.C.D");

    private final String token;

    Simple(String token) {
      this.token = token;
    }

    @Override
    public String token() {
      return token;
    }

    @Override
    public boolean restOfLine() {
      return this == LINE;
    }

    @Override
    public boolean accepts(String w) {
      return switch (this) {
        case WORD, LINE -> !w.isEmpty();
        case IPV4 -> isIpv4(w);
      };
    }

    @Override
    public String canonical(String w) {
      if (this != IPV4) {
        return w;
      }
      String[] p = w.split("\\.");
      return Integer.parseInt(p[0]) + "." + Integer.parseInt(p[1]) + "." + Integer.parseInt(p[2]) + "."
          + Integer.parseInt(p[3]);
    }

    static boolean isIpv4(String w) {
      String[] p = w.split("\\.", -1);
      if (p.length != 4) {
        return false;
      }
      for (String o : p) {
        if (o.isEmpty() || o.length() > 3 || !o.chars().allMatch(Character::isDigit) || Integer.parseInt(o) > 255) {
          return false;
        }
      }
      return true;
    }
  }

  /** A decimal number in a closed range, shown as {@code <lo-hi>}. */
  record Range(long lo, long hi) implements ParamType {
    @Override
    public String token() {
      return "<" + lo + "-" + hi + ">";
    }

    @Override
    public boolean accepts(String w) {
      if (w.isEmpty() || w.length() > 10 || !w.chars().allMatch(Character::isDigit)) {
        return false;
      }
      long v = Long.parseLong(w);
      return v >= lo && v <= hi;
    }

    @Override
    public String canonical(String w) {
      return Long.toString(Long.parseLong(w));
    }
  }

  /** An interface name, abbreviations allowed ({@code fa0/0}, {@code Tu0}); stored spelled out. */
  enum InterfaceParam implements ParamType {
    INSTANCE;

    @Override
    public String token() {
      return "WORD";
    }

    @Override
    public boolean accepts(String w) {
      return InterfaceNaming.canonical(w) != null;
    }

    @Override
    public String canonical(String w) {
      return InterfaceNaming.canonical(w);
    }
  }

  /** Lower-case helper shared by the matcher. */
  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
