package dev.dmvpn.harness.cli;

import dev.dmvpn.harness.sequence.CaptureFrames;
import dev.dmvpn.harness.sequence.ExpectedSequence;
import dev.dmvpn.harness.sequence.MismatchReport;
import dev.dmvpn.harness.sequence.SequenceChecker;
import dev.dmvpn.harness.sequence.SequenceDiagram;
import dev.dmvpn.harness.sequence.SequenceFileException;
import dev.dmvpn.harness.sequence.SequenceLoader;
import dev.dmvpn.harness.sequence.SequenceResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmvpn-harness check FILE --expect EXPECTATION}: a saved capture against an expected sequence. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check a pcap or pcapng capture against an expected sequence (YAML; format in ARCHITECTURE.md,"
          + " \"Expected sequences\"). Prints the report: each matcher with the frames it matched, and for a"
          + " failed one the expected tests beside the closest frame's fields.",
      "Exit status: 0 match; 1 mismatch; 2 unreadable capture, expectation file or keys (the message names the"
          + " file and place)."
    })
public final class CheckCommand implements Callable<Integer> {
  static final int EXIT_MATCH = 0;
  static final int EXIT_MISMATCH = 1;
  static final int EXIT_UNREADABLE = 2;
  /** Prefix for the shipped expectations: {@code --expect shipped:registration.yaml}. */
  static final String SHIPPED = "shipped:";

  @Parameters(index = "0", paramLabel = "FILE", description = "pcap or pcapng capture")
  Path capture;

  @Option(names = "--expect", required = true, paramLabel = "EXPECTATION",
      description = "expected-sequence YAML file, or shipped:NAME for one in the jar (registration.yaml,"
          + " resolution-via-hub.yaml, isakmp-main-quick.yaml, wrong-psk.yaml, esp-both-ways.yaml)")
  String expect;

  @Option(names = "--keys", paramLabel = "KEYS",
      description = "Wireshark key file (esp_sa or ikev1_decryption_table) or a directory holding them;"
          + " repeatable. ESP and encrypted IKE are then checked inside.")
  List<Path> keys = new ArrayList<>();

  @Option(names = "--var", paramLabel = "NAME=VALUE",
      description = "value for ${NAME} in the expectation (overrides its variables: defaults); repeatable")
  List<String> vars = new ArrayList<>();

  @Option(names = "--svg", paramLabel = "OUT.svg", description = "also write the sequence diagram of the capture")
  Path svg;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> variables = new LinkedHashMap<>();
    for (String v : vars) {
      int eq = v.indexOf('=');
      if (eq <= 0) {
        err.println("check: --var " + v + ": expected NAME=VALUE");
        return EXIT_UNREADABLE;
      }
      variables.put(v.substring(0, eq), v.substring(eq + 1));
    }
    ExpectedSequence expected;
    try {
      expected = expect.startsWith(SHIPPED) ? SequenceLoader.shipped(expect.substring(SHIPPED.length()))
          : SequenceLoader.load(Path.of(expect));
    } catch (SequenceFileException e) {
      err.println(prefixed(e.getMessage()));
      return EXIT_UNREADABLE;
    }
    if (!Files.isRegularFile(capture)) {
      err.println("check: " + capture + ": no such file");
      return EXIT_UNREADABLE;
    }
    CaptureFrames frames;
    try {
      frames = CaptureFrames.read(capture, keys);
    } catch (IOException e) {
      err.println("check: " + (e.getMessage() != null && e.getMessage().contains(capture.toString()) ? ""
          : capture + ": ") + e.getMessage());
      return EXIT_UNREADABLE;
    }
    frames.damage().ifPresent(d -> err.println("check: " + capture + ": warning: read up to frame "
        + frames.frames().size() + " only: " + d));
    SequenceResult result;
    try {
      result = SequenceChecker.check(frames.frames(), expected, variables);
    } catch (SequenceFileException e) {
      err.println(prefixed(e.getMessage()));
      return EXIT_UNREADABLE;
    }
    out.print(MismatchReport.text(result));
    out.flush();
    if (svg != null) {
      try {
        Files.writeString(svg, SequenceDiagram.svg(result), StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("check: cannot write " + svg + ": " + e.getMessage());
        return EXIT_UNREADABLE;
      }
    }
    return result.matched() ? EXIT_MATCH : EXIT_MISMATCH;
  }

  private static String prefixed(String lines) {
    return "check: " + lines.replace("\n", "\ncheck: ");
  }
}
