package dev.dmvpn.virtualrack.telnet;

import dev.dmvpn.virtualrack.cli.CliMode;
import dev.dmvpn.virtualrack.session.CliSession;
import dev.dmvpn.virtualrack.session.RouterCli;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulated terminal server: line N (from 1) reaches the console of the N-th router by reverse telnet on
 * {@code basePort + N} (2001, 2002, ... with base 2000), and the server has a CLI of its own on a VTY port where
 * {@code clear line N} (with {@code [confirm]}, then {@code  [OK]}) frees a busy line.
 */
public final class TerminalServer implements AutoCloseable {
  private final RouterCli self;
  private final VtyServer vty;
  private final List<ReverseTelnetLine> lines = new ArrayList<>();

  private TerminalServer(RouterCli self, VtyServer vty) {
    this.self = self;
    this.vty = vty;
  }

  /**
   * Starts the server. {@code basePort} 0 gives each line a free port (tests); {@code vtyPort} 0 likewise.
   */
  public static TerminalServer start(RouterCli self, List<RouterCli> consoles, int basePort, int vtyPort)
      throws IOException {
    TerminalServer ts = new TerminalServer(self, VtyServer.start(self, vtyPort));
    try {
      for (int i = 0; i < consoles.size(); i++) {
        int line = i + 1;
        ts.lines.add(new ReverseTelnetLine(line, basePort == 0 ? 0 : basePort + line, consoles.get(i).console()));
      }
    } catch (IOException e) {
      ts.close();
      throw e;
    }
    ts.installClearLine();
    return ts;
  }

  private void installClearLine() {
    self.commands().tree(CliMode.PRIVILEGED_EXEC).define("clear line $line:0-70", (s, inv) ->
        clearLine(s, Integer.parseInt(inv.arg("line"))));
  }

  private void clearLine(CliSession s, int line) {
    ReverseTelnetLine l = line >= 1 && line <= lines.size() ? lines.get(line - 1) : null;
    s.confirm("[confirm]", () -> {
      if (l != null) {
        l.clear();
      }
      s.println(" [OK]");
    });
  }

  /** The reverse-telnet port of line {@code n} (1-based). */
  public int port(int line) {
    return lines.get(line - 1).port();
  }

  public boolean busy(int line) {
    return lines.get(line - 1).busy();
  }

  public int vtyPort() {
    return vty.port();
  }

  @Override
  public void close() throws IOException {
    for (ReverseTelnetLine l : lines) {
      l.stop();
    }
    vty.close();
  }
}
