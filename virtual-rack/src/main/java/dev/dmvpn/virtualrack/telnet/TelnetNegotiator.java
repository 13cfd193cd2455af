package dev.dmvpn.virtualrack.telnet;

import static dev.dmvpn.virtualrack.telnet.TelnetCodes.DO;
import static dev.dmvpn.virtualrack.telnet.TelnetCodes.DONT;
import static dev.dmvpn.virtualrack.telnet.TelnetCodes.ECHO;
import static dev.dmvpn.virtualrack.telnet.TelnetCodes.IAC;
import static dev.dmvpn.virtualrack.telnet.TelnetCodes.SB;
import static dev.dmvpn.virtualrack.telnet.TelnetCodes.SE;
import static dev.dmvpn.virtualrack.telnet.TelnetCodes.SUPPRESS_GO_AHEAD;
import static dev.dmvpn.virtualrack.telnet.TelnetCodes.TERMINAL_TYPE;
import static dev.dmvpn.virtualrack.telnet.TelnetCodes.TTYPE_SEND;
import static dev.dmvpn.virtualrack.telnet.TelnetCodes.WILL;
import static dev.dmvpn.virtualrack.telnet.TelnetCodes.WINDOW_SIZE;
import static dev.dmvpn.virtualrack.telnet.TelnetCodes.WONT;

import java.io.ByteArrayOutputStream;

/**
 * The server side of telnet option negotiation, as an IOS VTY does it. On connect IOS sends
 * {@code WILL ECHO, WILL SUPPRESS-GO-AHEAD, DO TERMINAL-TYPE, DO WINDOW-SIZE} (IAC FB 01, IAC FB 03, IAC FD 18,
 * IAC FD 1F): the server echoes and runs character at a time, and asks the terminal type and window size. The
 * search tool found no primary IOS source for the exact set; this is the set commonly seen in captures of IOS
 * telnet servers, recorded in the module README as a choice to confirm on the lab routers.
 *
 * <p>Replies follow RFC 854/1143's loop rules: a request for the state an option is already in gets no answer;
 * an option we do not support is refused once per request, and after {@link #MAX_REFUSALS} refusals of one
 * option further requests are ignored, so a client flooding requests cannot make us flood back.
 */
final class TelnetNegotiator implements TelnetDecoder.Events {
  static final int MAX_REFUSALS = 4;
  static final byte[] GREETING = {
    (byte) IAC, (byte) WILL, ECHO, (byte) IAC, (byte) WILL, SUPPRESS_GO_AHEAD,
    (byte) IAC, (byte) DO, TERMINAL_TYPE, (byte) IAC, (byte) DO, WINDOW_SIZE};

  /** Where negotiation answers go and what the window size turned out to be. */
  interface Peer {
    void sendRaw(byte[] bytes);

    void windowSize(int columns, int rows);
  }

  private final Peer peer;
  private final boolean[] local = new boolean[256];
  private final boolean[] remote = new boolean[256];
  private final int[] refusals = new int[256];
  private String terminalType;

  TelnetNegotiator(Peer peer) {
    this.peer = peer;
    local[ECHO] = true;
    local[SUPPRESS_GO_AHEAD] = true;
  }

  String terminalType() {
    return terminalType;
  }

  @Override
  public void negotiation(int verb, int option) {
    switch (verb) {
      case DO -> {
        if (!local[option] && refuse(option)) {
          reply(WONT, option);
        }
      }
      case DONT -> {
        if (local[option]) {
          local[option] = false;
          reply(WONT, option);
        }
      }
      case WILL -> {
        if (option == TERMINAL_TYPE || option == WINDOW_SIZE) {
          if (!remote[option]) {
            remote[option] = true;
            if (option == TERMINAL_TYPE) {
              peer.sendRaw(new byte[] {(byte) IAC, (byte) SB, TERMINAL_TYPE, TTYPE_SEND, (byte) IAC, (byte) SE});
            }
          }
        } else if (refuse(option)) {
          reply(DONT, option);
        }
      }
      case WONT -> remote[option] = false;
      default -> { }
    }
  }

  private boolean refuse(int option) {
    return refusals[option]++ < MAX_REFUSALS;
  }

  @Override
  public void subnegotiation(int option, byte[] data) {
    if (option == WINDOW_SIZE && data.length >= 4) {
      int cols = ((data[0] & 0xff) << 8) | (data[1] & 0xff);
      int rows = ((data[2] & 0xff) << 8) | (data[3] & 0xff);
      peer.windowSize(cols, rows);
    } else if (option == TERMINAL_TYPE && data.length > 1 && data[0] == TelnetCodes.TTYPE_IS) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      for (int i = 1; i < data.length && i < 41; i++) {
        int c = data[i] & 0xff;
        b.write(c >= 0x20 && c < 0x7f ? c : '?');
      }
      terminalType = b.toString(java.nio.charset.StandardCharsets.US_ASCII);
    }
  }

  private void reply(int verb, int option) {
    peer.sendRaw(new byte[] {(byte) IAC, (byte) verb, (byte) option});
  }
}
