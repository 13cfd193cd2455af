package dev.dmvpn.ref.config;

/**
 * One line of configuration text as read, with its 1-based line number. {@link #text} is the line exactly as
 * given (trailing whitespace removed), secrets included, for renderers that must reproduce {@code show run};
 * {@link #toString} masks secrets.
 */
public record ConfigLine(int number, String text) {

  /** The text with any secret word masked (see {@link SecretMasker}). */
  public String maskedText() {
    return SecretMasker.mask(text);
  }

  @Override
  public String toString() {
    return number + ": " + maskedText();
  }
}
