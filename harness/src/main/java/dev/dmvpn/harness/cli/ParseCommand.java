package dev.dmvpn.harness.cli;

import dev.dmvpn.drivers.parse.ParseException;
import dev.dmvpn.drivers.parse.Parsers;
import dev.dmvpn.harness.json.JsonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmvpn-harness parse --command "show ip nhrp" FILE}: a saved command output to JSON. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
      "Parse a saved IOS command output (console text: echo, prompt, --More-- and syslog lines are tolerated)"
          + " and print the typed records as JSON.",
      "Exit status: 0 parsed; 1 the output is not one of that command (the error names the line);"
          + " 2 unreadable file or a command without parser."
    })
public final class ParseCommand implements Callable<Integer> {
  static final int EXIT_PARSED = 0;
  static final int EXIT_NOT_RECOGNISED = 1;
  static final int EXIT_UNUSABLE = 2;

  @Option(names = "--command", required = true, paramLabel = "COMMAND",
      description = "the command the output came from, e.g. \"show ip nhrp\", \"show crypto isakmp sa\","
          + " \"ping\", \"debug nhrp\"")
  String command;

  @Parameters(index = "0", paramLabel = "FILE", description = "the saved output")
  Path file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("parse: " + file + ": cannot read: " + e.getMessage());
      return EXIT_UNUSABLE;
    }
    Optional<Object> parsed;
    try {
      parsed = Parsers.parse(command, text);
    } catch (ParseException e) {
      err.println("parse: " + file + ": " + e.getMessage());
      return EXIT_NOT_RECOGNISED;
    }
    if (parsed.isEmpty()) {
      err.println("parse: no parser for '" + command + "'; known: " + String.join(", ", Parsers.commands()));
      return EXIT_UNUSABLE;
    }
    StringBuilder json = new StringBuilder();
    write(new JsonWriter(json), parsed.get());
    spec.commandLine().getOut().println(json);
    return EXIT_PARSED;
  }

  /** The parsers' results are records, lists, strings, numbers, booleans and durations (ISO-8601 text). */
  static void write(JsonWriter w, Object v) {
    if (v == null) {
      w.nullValue();
    } else if (v instanceof String s) {
      w.value(s);
    } else if (v instanceof Number n) {
      w.value(n.longValue());
    } else if (v instanceof Boolean b) {
      w.value(b.booleanValue());
    } else if (v instanceof List<?> list) {
      w.beginArray();
      list.forEach(item -> write(w, item));
      w.endArray();
    } else if (v instanceof Record r) {
      w.beginObject();
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        w.name(c.getName());
        write(w, component(c, r));
      }
      w.endObject();
    } else {
      w.value(v.toString());
    }
  }

  private static Object component(RecordComponent c, Record r) {
    try {
      return c.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
    }
  }
}
