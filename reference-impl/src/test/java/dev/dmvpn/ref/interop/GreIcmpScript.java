package dev.dmvpn.ref.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The charon side's GRE endpoint: {@code gre_icmp.py} (test resource) run with {@code ip netns exec} in charon's
 * namespace, which has no kernel GRE. It sends ICMP echo in GRE through charon's tunnel and counts replies, or
 * answers echo requests arriving in GRE. Needs {@code /usr/bin/python3} (Debian package python3).
 */
final class GreIcmpScript {
  static final String PYTHON = "/usr/bin/python3";

  private final StrongSwanNetns ss;
  private final Path script;

  GreIcmpScript(StrongSwanNetns ss) {
    this.ss = ss;
    this.script = ss.directory().resolve("gre_icmp.py");
    try (InputStream in = GreIcmpScript.class.getResourceAsStream("gre_icmp.py")) {
      if (in == null) {
        throw new IllegalStateException("test resource gre_icmp.py missing");
      }
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void requirePython() {
    if (!Files.isExecutable(Path.of(PYTHON))) {
      throw new IllegalStateException("the strongSwan GRE endpoint needs " + PYTHON
          + " (Debian package python3): apt-get install -y python3");
    }
  }

  /** Sends {@code count} echo requests in GRE to {@code peer}; returns the script's "sent N received M". */
  String ping(String peer, String innerSource, String innerDestination, int count, Duration perPacket) {
    HostCommand.Result r = ss.exec(perPacket.multipliedBy(count).plusSeconds(5), PYTHON, script.toString(), "ping",
        peer, innerSource, innerDestination, Integer.toString(count), Double.toString(perPacket.toMillis() / 1e3));
    return r.requireOk().stdout().trim();
  }

  /** Starts answering up to {@code count} echo requests for {@code innerAddress}; returns once the socket is open. */
  Answerer answer(String innerAddress, int count, Duration timeout) {
    Path out = ss.directory().resolve("gre_icmp_answer.out");
    try {
      Files.deleteIfExists(out);
      Process p = new ProcessBuilder(List.of("ip", "netns", "exec", ss.namespace(), PYTHON, script.toString(),
          "answer", innerAddress, Integer.toString(count), Double.toString(timeout.toMillis() / 1e3)))
          .redirectErrorStream(true).redirectOutput(out.toFile()).start();
      Answerer a = new Answerer(p, out);
      Poll.until("gre_icmp.py answer ready", Duration.ofSeconds(5), Duration.ofMillis(10), a::output,
          s -> s.contains("ready") || !p.isAlive());
      return a;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A running {@code answer}; {@link #close()} kills it by its PID if it is still running. */
  static final class Answerer implements AutoCloseable {
    private final Process process;
    private final Path out;

    Answerer(Process process, Path out) {
      this.process = process;
      this.out = out;
    }

    String output() {
      try {
        return Files.exists(out) ? Files.readString(out) : "";
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Waits for the script to finish and returns its output. */
    String await(Duration timeout) throws InterruptedException {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        close();
      }
      return output().trim();
    }

    @Override
    public void close() {
      if (process.isAlive()) {
        process.destroy();
      }
    }
  }
}
