package dev.dmvpn.virtualrack.config;

import dev.dmvpn.virtualrack.cli.CliMode;

/**
 * One configuration command as data.
 *
 * @param mode the mode it is typed in
 * @param spec the command tree spec ({@code ip mtu $bytes:68-1500})
 * @param help help of the spec's last keyword (or empty)
 * @param kind how it and its {@code no} form change the configuration
 * @param keyWords how many words of the canonical line (without {@code no}) name the setting it holds
 * @param rank print order among its siblings ({@link ConfigRenderer} groups global ranks into IOS's layout)
 * @param enters for {@link SettingKind#BLOCK}: the sub-mode it opens
 * @param defaultLine a value that is IOS's default and therefore not printed (e.g. {@code hash sha}), or null
 */
public record ConfigSetting(
    CliMode mode, String spec, String help, SettingKind kind, int keyWords, int rank, CliMode enters,
    String defaultLine) {

  public static ConfigSetting value(CliMode mode, String spec, int keyWords, int rank) {
    return new ConfigSetting(mode, spec, "", SettingKind.VALUE, keyWords, rank, null, null);
  }

  public static ConfigSetting both(CliMode mode, String spec, int keyWords, int rank) {
    return new ConfigSetting(mode, spec, "", SettingKind.BOTH, keyWords, rank, null, null);
  }

  public static ConfigSetting negative(CliMode mode, String spec, int keyWords, int rank) {
    return new ConfigSetting(mode, spec, "", SettingKind.NEGATIVE, keyWords, rank, null, null);
  }

  public static ConfigSetting block(CliMode mode, String spec, int keyWords, int rank, CliMode enters) {
    return new ConfigSetting(mode, spec, "", SettingKind.BLOCK, keyWords, rank, enters, null);
  }

  public ConfigSetting withDefault(String line) {
    return new ConfigSetting(mode, spec, help, kind, keyWords, rank, enters, line);
  }

  public ConfigSetting withHelp(String text) {
    return new ConfigSetting(mode, spec, text, kind, keyWords, rank, enters, defaultLine);
  }
}
