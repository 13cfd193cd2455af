package dev.dmvpn.virtualrack.session;

import dev.dmvpn.virtualrack.cli.CliMode;
import dev.dmvpn.virtualrack.cli.CommandTree;
import java.util.EnumMap;
import java.util.Map;

/**
 * The command trees of every mode of one router. The standard set holds the exec and configuration commands of
 * this module; later components add theirs ({@code show ip nhrp}, {@code show crypto isakmp sa}, ...) with
 * {@code tree(CliMode.PRIVILEGED_EXEC).define("show ip nhrp", handler)}.
 */
public final class CommandSet {
  private final Map<CliMode, CommandTree<CliSession>> trees = new EnumMap<>(CliMode.class);

  private CommandSet() {
    for (CliMode m : CliMode.values()) {
      trees.put(m, new CommandTree<>());
    }
  }

  /** A new set with the standard exec and configuration commands. */
  public static CommandSet standard() {
    CommandSet set = new CommandSet();
    ExecCommands.install(set);
    ShowCommands.install(set);
    ConfigCommands.install(set);
    return set;
  }

  public CommandTree<CliSession> tree(CliMode mode) {
    return trees.get(mode);
  }

  /** Defines a command in both exec modes (user and privileged), as {@code show version} is. */
  public void defineExec(String spec, String help, dev.dmvpn.virtualrack.cli.CommandHandler<CliSession> h) {
    tree(CliMode.USER_EXEC).define(spec, h);
    tree(CliMode.PRIVILEGED_EXEC).define(spec, h);
    if (!help.isEmpty()) {
      tree(CliMode.USER_EXEC).help(spec, help);
      tree(CliMode.PRIVILEGED_EXEC).help(spec, help);
    }
  }

  /** Defines a command in privileged exec only. */
  public void definePrivileged(String spec, String help, dev.dmvpn.virtualrack.cli.CommandHandler<CliSession> h) {
    tree(CliMode.PRIVILEGED_EXEC).define(spec, h);
    if (!help.isEmpty()) {
      tree(CliMode.PRIVILEGED_EXEC).help(spec, help);
    }
  }

  /** Defines a command in every configuration mode ({@code end}, {@code exit}, {@code do}). */
  public void defineConfig(String spec, String help, dev.dmvpn.virtualrack.cli.CommandHandler<CliSession> h) {
    for (CliMode m : CliMode.values()) {
      if (m.isConfig()) {
        tree(m).define(spec, h);
        if (!help.isEmpty()) {
          tree(m).help(spec, help);
        }
      }
    }
  }
}
