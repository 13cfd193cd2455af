package dev.dmvpn.virtualrack.telnet;

import static dev.dmvpn.virtualrack.telnet.TelnetCodes.DO;
import static dev.dmvpn.virtualrack.telnet.TelnetCodes.DONT;
import static dev.dmvpn.virtualrack.telnet.TelnetCodes.IAC;
import static dev.dmvpn.virtualrack.telnet.TelnetCodes.IP;
import static dev.dmvpn.virtualrack.telnet.TelnetCodes.SB;
import static dev.dmvpn.virtualrack.telnet.TelnetCodes.SE;
import static dev.dmvpn.virtualrack.telnet.TelnetCodes.WILL;
import static dev.dmvpn.virtualrack.telnet.TelnetCodes.WONT;

import java.io.ByteArrayOutputStream;

/**
 * Splits a telnet byte stream (RFC 854) into typed characters and option commands. Line ends arrive as CR LF or
 * CR NUL (RFC 854 "NVT"), or as a bare LF or CR from sloppy clients; each becomes one {@code \r}. IAC IAC is a
 * data byte 255 (dropped: the CLI takes ASCII). IAC IP (interrupt) becomes Ctrl-C. Sub-negotiations are bounded
 * ({@link #MAX_SB}) so a client that never sends IAC SE cannot grow memory. Never throws.
 */
final class TelnetDecoder {
  static final int MAX_SB = 64;

  /** Receives what the decoder found. */
  interface Events {
    void negotiation(int verb, int option);

    void subnegotiation(int option, byte[] data);
  }

  private enum State { DATA, IAC, OPTION, SB, SB_IAC }

  private final Events events;
  private State state = State.DATA;
  /**
   * A CR ended the last line and its LF or NUL may still come. Kept apart from {@link #state} because a telnet
   * command (IAC NOP, a negotiation) may arrive between CR and LF (Commons Net writes CR and LF separately) and
   * must not make the LF a second line end.
   */
  private boolean afterCr;
  private int verb;
  private final ByteArrayOutputStream sb = new ByteArrayOutputStream();

  TelnetDecoder(Events events) {
    this.events = events;
  }

  /** Decodes {@code n} bytes; returns the typed characters among them. */
  String decode(byte[] buf, int n) {
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      step(buf[i] & 0xff, out);
    }
    return out.toString();
  }

  private void step(int b, StringBuilder out) {
    switch (state) {
      case DATA -> data(b, out);
      case IAC -> command(b, out);
      case OPTION -> {
        state = State.DATA;
        events.negotiation(verb, b);
      }
      case SB -> {
        if (b == IAC) {
          state = State.SB_IAC;
        } else if (sb.size() < MAX_SB) {
          sb.write(b);
        }
      }
      case SB_IAC -> {
        if (b == SE) {
          state = State.DATA;
          byte[] body = sb.toByteArray();
          if (body.length > 0) {
            events.subnegotiation(body[0] & 0xff, java.util.Arrays.copyOfRange(body, 1, body.length));
          }
        } else {
          if (b == IAC && sb.size() < MAX_SB) {
            sb.write(b);
          }
          state = State.SB;
        }
      }
      default -> state = State.DATA;
    }
  }

  private void data(int b, StringBuilder out) {
    if (b == IAC) {
      state = State.IAC;
      return;
    }
    boolean pendingCr = afterCr;
    afterCr = false;
    if (pendingCr && (b == '\n' || b == 0)) {
      return;
    }
    if (b == '\r') {
      out.append('\r');
      afterCr = true;
    } else if (b == '\n') {
      out.append('\r');
    } else if (b != 0 && b < 0x80) {
      out.append((char) b);
    }
  }

  private void command(int b, StringBuilder out) {
    state = State.DATA;
    if (b == IAC) {
      afterCr = false; // IAC IAC is data byte 255: whatever follows is no longer the CR's partner
    } else if (b == WILL || b == WONT || b == DO || b == DONT) {
      verb = b;
      state = State.OPTION;
    } else if (b == SB) {
      sb.reset();
      state = State.SB;
    } else if (b == IP) {
      out.append('\u0003');
    }
  }
}
