package dev.dmvpn.virtualrack.telnet;

/** Telnet command and option codes (RFC 854, 855, 857, 858, 1073, 1091). */
final class TelnetCodes {
  static final int SE = 240;
  static final int NOP = 241;
  static final int IP = 244;
  static final int SB = 250;
  static final int WILL = 251;
  static final int WONT = 252;
  static final int DO = 253;
  static final int DONT = 254;
  static final int IAC = 255;

  static final int ECHO = 1;
  static final int SUPPRESS_GO_AHEAD = 3;
  static final int TERMINAL_TYPE = 24;
  static final int WINDOW_SIZE = 31;

  /** TERMINAL-TYPE sub-negotiation verbs (RFC 1091). */
  static final int TTYPE_IS = 0;
  static final int TTYPE_SEND = 1;

  private TelnetCodes() {}
}
