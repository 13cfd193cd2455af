package dev.dmvpn.drivers.channel;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The session as a reader would see it, every secret masked: received text line by line (a line is masked only
 * once it is complete, so a secret split across network reads is still caught), sent lines prefixed {@code >> }.
 * A secret the driver types at a {@code Password:} prompt is written as {@value SecretMasker#MASK}.
 */
public final class Transcript {
  private final Appendable sink;
  private final StringBuilder partial = new StringBuilder();

  public Transcript(Appendable sink) {
    this.sink = sink;
  }

  /** A transcript that keeps nothing. */
  public static Transcript none() {
    return new Transcript(null);
  }

  void received(String cleaned) {
    if (sink == null) {
      return;
    }
    partial.append(cleaned);
    int nl;
    while ((nl = partial.indexOf("\n")) >= 0) {
      write(SecretMasker.mask(partial.substring(0, nl)) + "\n");
      partial.delete(0, nl + 1);
    }
  }

  /** Writes the incomplete line (a prompt) before the driver answers it. */
  void flushPartial() {
    if (sink == null || partial.length() == 0) {
      return;
    }
    write(SecretMasker.mask(partial.toString()) + "\n");
    partial.setLength(0);
  }

  void sent(String text, boolean secret) {
    if (sink == null) {
      return;
    }
    flushPartial();
    String shown = secret ? SecretMasker.MASK : SecretMasker.mask(text.replace("\r", "").replace("\n", ""));
    write(">> " + shown + "\n");
  }

  private void write(String s) {
    try {
      sink.append(s);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the transcript", e);
    }
  }
}
