package dev.dmvpn.virtualrack.config;

import dev.dmvpn.virtualrack.cli.CliMode;

/** What a configuration command acts on: the router's running configuration and the session's current block. */
public interface ConfigTarget {

  RunningConfig running();

  /** The block of the current sub-mode, or the configuration's root in global configuration mode. */
  ConfigItem currentBlock();

  /** Enters a sub-mode whose commands go to {@code block}. */
  void enterBlock(CliMode mode, ConfigItem block);
}
