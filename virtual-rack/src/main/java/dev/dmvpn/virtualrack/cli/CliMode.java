package dev.dmvpn.virtualrack.cli;

/**
 * The IOS 12.3 command modes the emulated router has, with the prompt each prints after the host name. Sources:
 * the document's {@code sv9-4#}, {@code ../shared/docs/ios-12.3-formats.md} "Prompts and errors", and unicon's
 * config prompt pattern ({@code \(.*(con|cfg|ipsec-profile)\S*\)#}, ios-drivers.md row 13).
 */
public enum CliMode {
  USER_EXEC(">", null),
  PRIVILEGED_EXEC("#", null),
  CONFIG("(config)#", PRIVILEGED_EXEC),
  CONFIG_IF("(config-if)#", CONFIG),
  CONFIG_ROUTER("(config-router)#", CONFIG),
  CONFIG_ISAKMP("(config-isakmp)#", CONFIG),
  CRYPTO_TRANS("(cfg-crypto-trans)#", CONFIG),
  IPSEC_PROFILE("(ipsec-profile)#", CONFIG),
  CONFIG_LINE("(config-line)#", CONFIG);

  private final String promptSuffix;
  private final CliMode parent;

  CliMode(String promptSuffix, CliMode parent) {
    this.promptSuffix = promptSuffix;
    this.parent = parent;
  }

  public String prompt(String hostname) {
    return hostname + promptSuffix;
  }

  /** The mode {@code exit} returns to ({@code null} for the exec modes, where {@code exit} ends the session). */
  public CliMode parent() {
    return parent;
  }

  public boolean isConfig() {
    return parent != null;
  }

  public boolean isSubMode() {
    return parent == CONFIG;
  }
}
