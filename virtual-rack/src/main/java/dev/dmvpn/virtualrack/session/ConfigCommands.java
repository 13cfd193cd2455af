package dev.dmvpn.virtualrack.session;

import dev.dmvpn.virtualrack.cli.CliMode;
import dev.dmvpn.virtualrack.cli.CommandTree;
import dev.dmvpn.virtualrack.cli.Invocation;
import dev.dmvpn.virtualrack.cli.InterfaceNaming;
import dev.dmvpn.virtualrack.cli.Words;
import dev.dmvpn.virtualrack.config.ConfigCatalog;
import dev.dmvpn.virtualrack.config.ConfigItem;
import dev.dmvpn.virtualrack.config.ConfigSetting;
import dev.dmvpn.virtualrack.config.Md5Crypt;
import dev.dmvpn.virtualrack.config.SettingKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns {@link ConfigCatalog} into command-tree entries: each setting's command, its {@code no} forms (every
 * prefix of the spec at least as long as the setting's key, so {@code no ip address} and
 * {@code no ip address 1.1.1.1 255.255.255.0} both work), and {@code end}/{@code exit}/{@code do}.
 */
final class ConfigCommands {
  private static final String[][] GLOBAL_HELP = {
    {"aaa", "Authentication, Authorization and Accounting."}, {"boot", "Modify system boot parameters"},
    {"crypto", "Encryption module"}, {"enable", "Modify enable password parameters"},
    {"fax", "Configure global fax parameters"}, {"hostname", "Set system's network name"},
    {"interface", "Select an interface to configure"}, {"ip", "Global IP configuration subcommands"},
    {"line", "Configure a terminal line"}, {"router", "Enable a routing process"},
    {"service", "Modify use of network based services"}, {"username", "Establish User Name Authentication"},
    {"version", "Version"}, {"voice", "Global voice configuration"},
    {"logging", "Modify message logging facilities"}
  };

  /** Sub-mode keyword help as IOS 12.x prints it [from memory of IOS listings; unconfirmed for 12.3(3)]. */
  private static final Object[][] MODE_HELP = {
    {CliMode.CONFIG_IF, new String[][] {
      {"ip", "Interface Internet Protocol config commands"}, {"tunnel", "protocol-over-protocol tunneling"},
      {"shutdown", "Shutdown the selected interface"}, {"description", "Interface specific description"},
      {"duplex", "Configure duplex operation."}, {"speed", "Configure speed operation."},
      {"bandwidth", "Set bandwidth informational parameter"}, {"clockrate", "Configure serial interface clock speed"},
      {"fair-queue", "Enable Fair Queuing on an Interface"}, {"keepalive", "Enable keepalive"}}},
    {CliMode.CONFIG_ROUTER, new String[][] {
      {"network", "Enable routing on an IP network"},
      {"auto-summary", "Enable automatic network number summarization"},
      {"passive-interface", "Suppress routing updates on an interface"}, {"eigrp", "EIGRP specific commands"}}},
    {CliMode.CONFIG_ISAKMP, new String[][] {
      {"authentication", "Set authentication method for protection suite"},
      {"encryption", "Set encryption algorithm for protection suite"},
      {"group", "Set the Diffie-Hellman group"}, {"hash", "Set hash algorithm for protection suite"},
      {"lifetime", "Set lifetime for ISAKMP security association"}}},
    {CliMode.CRYPTO_TRANS, new String[][] {{"mode", "encapsulation mode (transport/tunnel)"}}},
    {CliMode.IPSEC_PROFILE, new String[][] {{"set", "Set a command."}}},
    {CliMode.CONFIG_LINE, new String[][] {
      {"exec-timeout", "Set the EXEC timeout"}, {"login", "Enable password checking"},
      {"password", "Set a password"}, {"transport", "Define transport protocols for line"},
      {"escape-character", "Change the current line's escape character"},
      {"logging", "Modify message logging facilities"}, {"privilege", "Change privilege level for line"},
      {"length", "Set number of lines on a screen"}, {"width", "Set width of the display terminal"},
      {"history", "Enable and control the command history function"}, {"speed", "Set the transmit and receive speeds"},
      {"stopbits", "Set async line stop bits"}}}
  };

  private ConfigCommands() {}

  static void install(CommandSet set) {
    for (ConfigSetting s : ConfigCatalog.all()) {
      CommandTree<CliSession> tree = set.tree(s.mode());
      tree.define(s.spec(), (session, inv) -> apply(session, s, inv, false));
      String[] words = s.spec().split(" ");
      for (int k = Math.max(1, s.keyWords()); k <= words.length; k++) {
        String prefix = String.join(" ", Arrays.copyOf(words, k));
        tree.define("no " + prefix, (session, inv) -> apply(session, s, inv, true));
      }
    }
    for (CliMode m : CliMode.values()) {
      if (m.isConfig()) {
        set.tree(m).help("no", "Negate a command or set its defaults");
      }
    }
    for (String[] h : GLOBAL_HELP) {
      set.tree(CliMode.CONFIG).help(h[0], h[1]);
    }
    for (Object[] row : MODE_HELP) {
      for (String[] h : (String[][]) row[1]) {
        set.tree((CliMode) row[0]).help(h[0], h[1]);
      }
    }
    set.defineConfig("end", "Exit from configure mode", (session, inv) -> session.endConfiguration());
    set.defineConfig("exit", "Exit from the current mode", (session, inv) -> exit(session));
    set.defineConfig("do $command:line", "To run exec commands in config mode",
        (session, inv) -> session.executeDo(inv.arg("command"), Words.split(inv.typed()).start(1)));
  }

  private static void exit(CliSession session) {
    if (session.mode() == CliMode.CONFIG) {
      session.endConfiguration();
    } else {
      session.setMode(CliMode.CONFIG);
    }
  }

  private static void apply(CliSession session, ConfigSetting s, Invocation inv, boolean negated) {
    List<String> words = new ArrayList<>(inv.words());
    if (negated) {
      words.remove(0);
    }
    if (s.kind() == SettingKind.BLOCK && words.get(0).equals("interface") && negated
        && !InterfaceNaming.isVirtual(words.get(1))) {
      // physical interfaces cannot be deleted; the caret under the name [IOS's own wording unconfirmed]
      session.invalidAt(Words.split(inv.typed()).start(2));
      return;
    }
    if (s.kind() == SettingKind.BLOCK && words.get(0).equals("interface") && !negated) {
      String name = words.get(1);
      if (!InterfaceNaming.isVirtual(name) && !session.router().chassis().has(name)) {
        Words w = Words.split(inv.typed());
        String typedName = w.word(1);
        int unit = 0;
        while (unit < typedName.length() && Character.isLetter(typedName.charAt(unit))) {
          unit++;
        }
        session.invalidAt(w.start(1) + unit);
        return;
      }
    }
    words = storedForm(words);
    ConfigItem parent = session.currentBlock();
    ConfigItem block = session.running().apply(s, words, negated, parent);
    if (block != null) {
      session.enterBlock(s.enters(), block);
      if (words.get(0).equals("interface") && InterfaceNaming.isVirtual(words.get(1)) && block.children().isEmpty()) {
        block.put(ConfigItem.line("no ip address", "ip address", 10, 0));
      }
    }
  }

  /**
   * The form IOS stores: clear-text secrets become MD5 ({@code enable secret cisco} is shown as
   * {@code enable secret 5 $1$...}); an explicit type 0 ({@code password 0 cisco}) is shown without the 0.
   */
  static List<String> storedForm(List<String> w) {
    List<String> out = new ArrayList<>(w);
    if (startsWith(out, "enable", "secret")) {
      if (out.size() >= 4 && out.get(2).equals("0")) {
        out.remove(2);
      }
      if (!(out.size() >= 4 && out.get(2).equals("5"))) {
        String hash = Md5Crypt.hash(out.get(2));
        return List.of("enable", "secret", "5", hash);
      }
    } else if (startsWith(out, "enable", "password") && out.size() >= 4 && out.get(2).equals("0")) {
      out.remove(2);
    } else if (out.size() >= 4 && out.get(0).equals("username")) {
      if (out.get(3).equals("0")) {
        out.remove(3);
      }
      if (out.get(2).equals("secret") && !out.get(3).equals("5")) {
        return List.of("username", out.get(1), "secret", "5", Md5Crypt.hash(out.get(3)));
      }
    } else if (out.size() >= 3 && out.get(0).equals("password") && out.get(1).equals("0")) {
      out.remove(1);
    }
    return out;
  }

  private static boolean startsWith(List<String> w, String a, String b) {
    return w.size() >= 3 && w.get(0).equals(a) && w.get(1).equals(b);
  }
}
