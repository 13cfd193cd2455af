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
    /** Line number of the block being skipped ({@link Mode#BLOCK}). */
    private int blockLine;

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
      if (s.mode == Mode.BLOCK && Character.isWhitespace(line.text().charAt(0))) {
        // show running-config indents a block's lines: they belong to the block that is not read
        s.ignore("is ignored: part of '" + s.modeName + "' (line " + blockLine + "), which is not read");
        return;
      }
      try {
        dispatch(Tokens.split(trimmed));
      } catch (ConfigSyntaxException e) {
        s.error("is wrong: " + e.getMessage());
      } catch (UnsupportedCommandException e) {
        unsupported(e, trimmed);
      } catch (RuntimeException e) {
        s.error("internal: " + e);
      }
    }

    /** A valid IOS line the node cannot honour: an error when strict, a warning when lenient. */
    private void unsupported(UnsupportedCommandException e, String trimmed) {
      String reason = "is not supported by the node: " + e.getMessage();
      if (strictness == Strictness.STRICT) {
        s.error(reason);
      } else {
        s.warn(reason);
      }
      if (e.opensBlock) {
        openBlock(trimmed);
      }
    }

    private void openBlock(String trimmed) {
      s.enter(Mode.BLOCK, SecretMasker.mask(trimmed));
      blockLine = s.line.number();
    }

    void finish() {
      if (banner != null) {
        s.warn("banner starting here is not closed by its delimiter '" + banner.delimiter + "'");
      }
    }

    private void dispatch(String[] raw) {
      String ambiguity = null;
      CommandWords.Expansion global = CommandWords.expand(Mode.GLOBAL, raw);
      if (s.mode != Mode.GLOBAL && s.mode != Mode.BLOCK) {
        CommandWords.Expansion inMode = CommandWords.expand(s.mode, raw);
        ambiguity = inMode.ambiguity();
        // IOS parses the whole line in the sub-mode and falls back to the parent on failure: 'ip route 0.0.0.0
        // ...' in interface mode is not 'ip route-cache'. Without argument grammars, a line whose words are a
        // complete global command is not read as an abbreviated sub-mode command.
        boolean globalInstead = inMode.abbreviated() && global.exact();
        if (!globalInstead && (handleInMode(inMode.words()) || known(s.mode, inMode.words()))) {
          return;
        }
      }
      String[] t = global.words();
      ambiguity = ambiguity != null ? ambiguity : global.ambiguity();
      if (Tokens.startsWith(t, "banner")) {
        s.enter(Mode.GLOBAL, "");
        banner = Banner.start(t, s);
        return;
      }
      Mode before = s.mode;
      String beforeName = s.modeName;
      s.enter(Mode.GLOBAL, "");
      if (GlobalCommands.handle(t, s)) {
        return;
      }
      if (IgnoredCommands.opensBlock(Mode.GLOBAL, t)) {
        s.ignore("is ignored: " + IgnoredCommands.reason(Mode.GLOBAL, t));
        openBlock(String.join(" ", raw));
        return;
      }
      if (known(Mode.GLOBAL, t)) {
        return;
      }
      s.enter(before, beforeName);
      unknown(ambiguity);
    }

    /**
     * Ignored (noted) or unsupported (thrown) commands of {@code mode}; false when {@code t} is neither, so the
     * caller goes on looking.
     */
    private boolean known(Mode mode, String[] t) {
      String reason = IgnoredCommands.reason(mode, t);
      if (reason != null) {
        s.ignore("is ignored: " + reason);
        return true;
      }
      UnsupportedCommands.Rule rule = UnsupportedCommands.find(mode, t);
      if (rule != null) {
        throw new UnsupportedCommandException(rule.reason(), rule.block());
      }
      return false;
    }

    private boolean handleInMode(String[] t) {
      return switch (s.mode) {
        case INTERFACE -> InterfaceCommands.handle(t, s);
        case ISAKMP_POLICY -> CryptoCommands.handlePolicy(t, s.policy);
        case TRANSFORM_SET -> CryptoCommands.handleTransformSet(t, s.transformSet);
        case IPSEC_PROFILE -> CryptoCommands.handleProfile(t, s.profile);
        case ROUTER_EIGRP -> RoutingCommands.handleEigrp(t, s.router, s);
        case LINE -> lineMode(t);
        case GLOBAL, BLOCK -> false;
      };
    }

    private boolean lineMode(String[] t) {
      String reason = IgnoredCommands.reason(Mode.LINE, t);
      if (reason != null) {
        s.ignore("is ignored: " + reason);
      }
      return reason != null;
    }

    private void unknown(String ambiguity) {
      String where = s.mode == Mode.GLOBAL || s.mode == Mode.BLOCK ? ""
          : " (neither in " + s.where() + " nor in global configuration)";
      String reason = "is not understood" + where + (ambiguity == null ? "" : ": " + ambiguity);
      if (strictness == Strictness.STRICT) {
        s.error(reason);
      } else {
        s.warn(reason);
      }
    }
  }
}
