package dev.dmvpn.drivers.channel;

import dev.dmvpn.drivers.transport.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a device's text until a pattern, with a deadline and no fixed sleeps: every read returns as soon as bytes
 * arrive. Cleans the text ({@link TerminalCleaner}), answers {@code --More--} with a blank, moves complete log lines
 * out of the output ({@link SyslogLine}) and tees everything to a masked {@link Transcript}.
 */
public final class CliChannel implements AutoCloseable {
  /** IOS's pager marker after cleaning (ios-drivers.md row 14: {@code  --More-- }, {@code  -- More -- }). */
  private static final Pattern MORE = Pattern.compile(" ?-- ?More ?-- ?\\z");

  private final Transport transport;
  private final Transcript transcript;
  private final TerminalCleaner cleaner = new TerminalCleaner();
  private final StringBuilder buffer = new StringBuilder();
  private final List<SyslogLine> syslog = new ArrayList<>();
  private int scanned;
  /** Extra lines treated as asynchronous (debug output while a capture runs), or null. */
  private Pattern asyncLines;
  /** True when the last complete line moved out was such a line: an indented line after it continues it. */
  private boolean afterAsync;
  /** How much of the buffer the awaited patterns have been tried on. */
  private int searched;
  /**
   * How far back a new search starts before the text already searched: a prompt or question is shorter than
   * this, so a match that straddles old and new text is still found, and long outputs cost linear time.
   */
  private static final int SEARCH_OVERLAP = 1024;

  public CliChannel(Transport transport, Transcript transcript) {
    this.transport = transport;
    this.transcript = transcript;
  }

  public String peer() {
    return transport.peer();
  }

  /** Sends {@code text} and the transport's line end. */
  public void sendLine(String text) throws IOException {
    send(text + transport.lineEnd());
  }

  /** Sends a secret and the line end; the transcript shows it masked. */
  public void sendSecretLine(String text) throws IOException {
    sendSecret(text + transport.lineEnd());
  }

  /** Sends {@code text} as typed (the caller adds the line end). */
  public void send(String text) throws IOException {
    transcript.sent(text, false);
    transport.write(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Sends a password or secret: the transcript shows it masked. */
  public void sendSecret(String text) throws IOException {
    transcript.sent(text, true);
    transport.write(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * Reads until {@code pattern} is found in the text received since the last reply and returns what came before
   * it; the text after the match stays for the next call.
   *
   * @param awaited what the caller waits for, in words, for the timeout message
   * @throws PromptTimeoutException when the deadline passes first
   */
  public Reply readUntil(Pattern pattern, Duration timeout, String awaited) throws IOException {
    return readUntilAny(List.of(pattern), timeout, awaited);
  }

  /**
   * Reads until one of {@code patterns} is found; the first pattern in list order that matches wins, and
   * {@link Reply#alternative()} says which.
   */
  public Reply readUntilAny(List<Pattern> patterns, Duration timeout, String awaited) throws IOException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (true) {
      // text searched before can hold no match that ends there: look only at its tail plus what is new
      int from = Math.min(Math.max(0, searched - SEARCH_OVERLAP), buffer.length());
      searched = buffer.length();
      for (int i = 0; i < patterns.size(); i++) {
        Matcher m = patterns.get(i).matcher(buffer).region(from, buffer.length()).useAnchoringBounds(false)
            .useTransparentBounds(true);
        if (m.find()) {
          Reply reply = new Reply(buffer.substring(0, m.start()), m.group(), syslog, i);
          buffer.delete(0, m.end());
          scanned = 0;
          searched = 0;
          syslog.clear();
          transcript.flushPartial();
          return reply;
        }
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new PromptTimeoutException(peer(), awaited, Duration.ofNanos(System.nanoTime() - start),
            buffer.toString());
      }
      byte[] chunk = transport.read(deadline);
      if (chunk.length > 0) {
        accept(new String(chunk, StandardCharsets.ISO_8859_1));
      }
    }
  }

  /**
   * Treats lines matching {@code pattern} (searched from the line's start; a prompt before it stays in the text) as
   * asynchronous too, and an indented line right after one as its continuation; null turns this off. A debug
   * capture sets its stamp pattern here, so debug lines arriving while a command runs stay out of its output.
   */
  public void asyncLines(Pattern pattern) {
    asyncLines = pattern;
    afterAsync = false;
  }

  /**
   * Waits until {@code deadlineNanos} for bytes, reads what arrives (one read), and returns the asynchronous lines
   * complete so far, which no reply will then return; other text stays for the next reply.
   */
  public List<SyslogLine> pollAsync(long deadlineNanos) throws IOException {
    if (syslog.isEmpty()) {
      byte[] chunk = transport.read(deadlineNanos);
      if (chunk.length > 0) {
        accept(new String(chunk, StandardCharsets.ISO_8859_1));
      }
    }
    List<SyslogLine> out = List.copyOf(syslog);
    syslog.clear();
    transcript.flushPartial();
    return out;
  }

  /** The asynchronous lines read since the last reply, which no reply will then return (e.g. after a drop). */
  public List<SyslogLine> takeAsync() {
    List<SyslogLine> out = List.copyOf(syslog);
    syslog.clear();
    return out;
  }

  /** Log messages received since the last reply that no reply has returned yet, and the text not yet consumed. */
  public String pendingText() {
    return buffer.toString();
  }

  private void accept(String raw) throws IOException {
    int before = buffer.length();
    cleaner.clean(raw, buffer);
    if (buffer.length() > before) {
      transcript.received(buffer.substring(Math.min(before, buffer.length())));
    }
    extractSyslog();
    Matcher more = MORE.matcher(buffer).region(Math.max(0, buffer.length() - 16), buffer.length());
    if (more.find()) {
      buffer.setLength(more.start());
      searched = Math.min(searched, more.start());
      cleaner.swallowErase();
      transport.write(new byte[] {' '});
    }
  }

  /** Moves complete log lines out of the buffer; a log printed at the cursor keeps the text before it. */
  private void extractSyslog() {
    int nl;
    while ((nl = buffer.indexOf("\n", scanned)) >= 0) {
      String line = buffer.substring(scanned, nl);
      int at = SyslogLine.start(line);
      boolean debug = false;
      if (at < 0 && asyncLines != null) {
        at = asyncStart(line);
        debug = at >= 0;
      }
      afterAsync = debug; // only a debug message continues on indented lines; a log message is one line
      if (at < 0) {
        scanned = nl + 1;
        continue;
      }
      syslog.add(new SyslogLine(line.substring(at).strip()));
      searched = Math.min(searched, scanned); // text moved: search again from here
      if (line.substring(0, at).isBlank()) {
        buffer.delete(scanned, nl + 1);
      } else {
        buffer.delete(scanned + at, nl);
        scanned += at + 1;
      }
    }
  }

  /** Where a debug line starts in {@code line} (at its start or after a prompt), or -1. */
  private int asyncStart(String line) {
    if (afterAsync && !line.isBlank() && Character.isWhitespace(line.charAt(0))) {
      return 0; // IOS indents the continuation lines of a long debug message
    }
    Matcher m = asyncLines.matcher(line);
    if (m.lookingAt()) {
      return 0;
    }
    Matcher p = PROMPT_PREFIX.matcher(line);
    if (p.lookingAt() && m.region(p.end(), line.length()).lookingAt()) {
      return p.end();
    }
    return -1;
  }

  private static final Pattern PROMPT_PREFIX =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-/]*(?:\\([^)\\s]+\\))?[>#] ?");

  @Override
  public void close() {
    transport.close();
  }
}
