package dev.dmvpn.virtualrack.session;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies configuration text through the same command trees a typed session uses (as IOS applies NVRAM at boot):
 * line by line in global configuration mode, sub-modes entered and left as typed. Returns the lines IOS would
 * reject with its error text; {@code end} stops, as it does when pasted.
 */
final class ConfigLoader {
  private ConfigLoader() {}

  static List<String> apply(RouterCli cli, String text) {
    List<String> errors = new ArrayList<>();
    StringBuilder captured = new StringBuilder();
    Terminal capture = new Terminal() {
      @Override
      public void send(String s) {
        captured.append(s);
      }

      @Override
      public void close() {}
    };
    CliSession boot = new CliSession(cli, capture, LineKind.BOOT, 0, "");
    boot.startConfiguration();
    int number = 0;
    for (String line : text.split("\r?\n")) {
      number++;
      if (line.strip().equals("end")) {
        break;
      }
      captured.setLength(0);
      boot.executeLine(line);
      String out = captured.toString().strip();
      if (out.contains("% ")) {
        // the line itself may hold a secret: name it by number and first word only
        String first = line.strip().split(" ")[0];
        errors.add("line " + number + " (" + first + " ...): " + out.substring(out.indexOf("% ")).lines()
            .findFirst().orElse(""));
      }
    }
    return errors;
  }
}
