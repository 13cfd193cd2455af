package dev.dmvpn.ref.config;

import dev.dmvpn.ref.config.ConfigProblem.Severity;
import dev.dmvpn.ref.config.ParseState.Mode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads IOS 12.3 running-config text (as {@code show running-config} prints it, or as pasted from a document)
 * into an {@link IosConfig}. Never throws on bad input: every problem is collected with its line number.
 *
 * <p>Sub-modes follow the IOS CLI rather than indentation, because the document's extraction lost the
 * indentation: a line is tried in the current sub-mode first and, when that mode does not know it, at global
 * level, which leaves the sub-mode (as IOS does when a configuration is pasted). {@code !} lines are comments;
 * {@code /---} lines (the extraction's damaged {@code !---}) are comments with a warning.
 */
public final class IosConfigParser {

  /** How unknown commands are treated. Bad values of known commands are errors in both. */
  public enum Strictness {
    /** Every line must be understood or known to be irrelevant (the {@code peer} command, emulated routers). */
    STRICT,
    /** Unknown commands are warnings: for reading configurations the harness only inspects. */
    LENIENT
  }

  private IosConfigParser() {}

  public static IosParseResult parse(String text) {
    return parse(text, Strictness.STRICT);
  }

  /** Reads a file (UTF-8); an unreadable file is a single whole-file error. */
  public static IosParseResult parse(Path file, Strictness strictness) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), strictness);
    } catch (IOException | RuntimeException e) {
      ParseState s = new ParseState();
      s.problems.add(ConfigProblem.global(Severity.ERROR, "cannot read " + file + ": " + e.getMessage()));
      return new IosParseResult(s.build(), s.problems, s.ignored);
    }
  }

  public static IosParseResult parse(String text, Strictness strictness) {
    ParseState s = new ParseState();
    LineReader reader = new LineReader(s, strictness);
    String[] lines = text.split("\r?\n", -1);
    int count = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
    for (int i = 0; i < count; i++) {
      ConfigLine line = new ConfigLine(i + 1, lines[i].stripTrailing());
      s.raw.add(line);
      s.line = line;
      reader.read(line);
    }
    reader.finish();
    return new IosParseResult(s.build(), s.problems, s.ignored);
  }

  /** Dispatches one line at a time; holds the little state that is not part of the model. */
  private static final class LineReader {
    private final ParseState s;
    private final Strictness strictness;
    private boolean started;
    private Banner banner;

    LineReader(ParseState s, Strictness strictness) {
      this.s = s;
      this.strictness = strictness;
    }

    void read(ConfigLine line) {
      String trimmed = line.text().strip();
      if (banner != null) {
        banner = banner.consume(trimmed) ? null : banner;
        return;
      }
      if (trimmed.isEmpty() || trimmed.startsWith("!")) {
        return;
      }
      if (trimmed.startsWith("/-")) {
        s.warn("is a damaged comment marker ('/---' for '!---', seed README): read as a comment; a router"
            + " would reject it");
        return;
      }
      if (!started && ShowRunHeader.matches(trimmed)) {
        s.ignore("is ignored: show running-config output header, not configuration");
        return;
      }
      started = true;
      try {
        dispatch(Tokens.split(trimmed));
      } catch (ConfigSyntaxException e) {
        s.error("is wrong: " + e.getMessage());
      } catch (RuntimeException e) {
        s.error("internal: " + e);
      }
    }

    void finish() {
      if (banner != null) {
        s.warn("banner starting here is not closed by its delimiter '" + banner.delimiter + "'");
      }
    }

    private void dispatch(String[] t) {
      if (s.mode != Mode.GLOBAL && handleInMode(t)) {
        return;
      }
      if (Tokens.startsWith(t, "banner")) {
        s.enter(Mode.GLOBAL, "");
        banner = Banner.start(t, s);
        return;
      }
      Mode before = s.mode;
      String beforeName = s.modeName;
      s.enter(Mode.GLOBAL, "");
      if (!GlobalCommands.handle(t, s)) {
        s.enter(before, beforeName);
        unknown();
      }
    }

    private boolean handleInMode(String[] t) {
      return switch (s.mode) {
        case INTERFACE -> InterfaceCommands.handle(t, s);
        case ISAKMP_POLICY -> CryptoCommands.handlePolicy(t, s.policy);
        case TRANSFORM_SET -> CryptoCommands.handleTransformSet(t, s.transformSet);
        case IPSEC_PROFILE -> CryptoCommands.handleProfile(t, s.profile);
        case ROUTER_EIGRP -> RoutingCommands.handleEigrp(t, s.router, s);
        case LINE -> lineMode(t);
        case GLOBAL -> false;
      };
    }

    private boolean lineMode(String[] t) {
      String reason = IgnoredCommands.reason(Mode.LINE, t);
      if (reason != null) {
        s.ignore("is ignored: " + reason);
      }
      return reason != null;
    }

    private void unknown() {
      String where = s.mode == Mode.GLOBAL ? "" : " (neither in " + s.where() + " nor in global configuration)";
      String reason = "is not understood" + where;
      if (strictness == Strictness.STRICT) {
        s.error(reason);
      } else {
        s.warn(reason);
      }
    }
  }
}
