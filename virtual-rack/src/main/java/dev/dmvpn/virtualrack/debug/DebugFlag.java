package dev.dmvpn.virtualrack.debug;

/**
 * One {@code debug} switch: its command words, the {@code show debugging} group it is listed under, and the
 * sentence IOS answers when it is turned on. Texts: {@code NHRP:} / {@code NHRP protocol debugging is on} from the
 * document's {@code show debug} (seed, NHRP debugs); the crypto sentences and the {@code Cryptographic Subsystem:}
 * group are best knowledge of 12.x output [unconfirmed]; {@code debug nhrp packet} is listed by the IOS debug
 * command reference (db_n1, "debug nhrp packet"), its sentence is [unconfirmed].
 */
public enum DebugFlag {
  NHRP("nhrp", "NHRP", "NHRP protocol debugging is on", "NHRP protocol debugging is off"),
  NHRP_PACKET("nhrp packet", "NHRP", "NHRP activity debugging is on", "NHRP activity debugging is off"),
  CRYPTO_ISAKMP("crypto isakmp", "Cryptographic Subsystem", "Crypto ISAKMP debugging is on",
      "Crypto ISAKMP debugging is off"),
  CRYPTO_IPSEC("crypto ipsec", "Cryptographic Subsystem", "Crypto IPSEC debugging is on",
      "Crypto IPSEC debugging is off");

  private final String words;
  private final String group;
  private final String on;
  private final String off;

  DebugFlag(String words, String group, String on, String off) {
    this.words = words;
    this.group = group;
    this.on = on;
    this.off = off;
  }

  /** The words after {@code debug}, e.g. {@code crypto isakmp}. */
  public String words() {
    return words;
  }

  /** The {@code show debugging} heading, e.g. {@code NHRP}. */
  public String group() {
    return group;
  }

  /** IOS's answer to {@code debug ...}. */
  public String onText() {
    return on;
  }

  /** IOS's answer to {@code no debug ...} / {@code undebug ...}. */
  public String offText() {
    return off;
  }
}
