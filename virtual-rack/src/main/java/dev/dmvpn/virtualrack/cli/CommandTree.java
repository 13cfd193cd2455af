package dev.dmvpn.virtualrack.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands of one CLI mode as data: a tree of keywords and typed parameters with help strings and handlers.
 * Commands are added with a spec, one word per node: {@code ip address $address:ipv4 $mask:ipv4}. A parameter is
 * {@code $name:type} with type {@code word}, {@code line}, {@code ipv4}, {@code iface} or a range {@code 1-65535}.
 * Later components (show commands fed by node state) plug in by calling {@link #define} on the router's trees.
 */
public final class CommandTree<C> {
  private final CommandNode<C> root = CommandNode.root();

  /** Adds a command; the handler runs when a line matches the whole spec. Returns the last node. */
  public CommandNode<C> define(String spec, CommandHandler<C> handler) {
    CommandNode<C> node = path(spec);
    node.setHandler(handler);
    return node;
  }

  /**
   * Sets the help text of the last word of {@code spec}, which must already be defined: help for a word no
   * command uses would otherwise add a dead keyword to the tree.
   */
  public CommandTree<C> help(String spec, String text) {
    CommandNode<C> node = root;
    for (String w : spec.strip().split(" +")) {
      CommandNode<C> next = null;
      for (CommandNode<C> c : node.children()) {
        boolean same = w.startsWith("$") ? !c.isKeyword() && w.substring(1).startsWith(c.name() + ":")
            : w.equals(c.keyword());
        if (same) {
          next = c;
          break;
        }
      }
      if (next == null) {
        throw new IllegalArgumentException("help for '" + spec + "': no command has the word '" + w + "' there");
      }
      node = next;
    }
    node.setHelp(text);
    return this;
  }

  public CommandNode<C> root() {
    return root;
  }

  private CommandNode<C> path(String spec) {
    CommandNode<C> node = root;
    for (String w : spec.strip().split(" +")) {
      if (w.startsWith("$")) {
        int colon = w.indexOf(':');
        if (colon < 0) {
          throw new IllegalArgumentException("parameter without type in spec '" + spec + "': " + w);
        }
        node = node.child(null, w.substring(1, colon), parseType(w.substring(colon + 1), spec));
      } else {
        node = node.child(w, null, null);
      }
    }
    return node;
  }

  private static ParamType parseType(String t, String spec) {
    return switch (t) {
      case "word" -> ParamType.word();
      case "line" -> ParamType.line();
      case "ipv4" -> ParamType.ipv4();
      case "iface" -> ParamType.interfaceName();
      default -> {
        int dash = t.indexOf('-');
        if (dash <= 0) {
          throw new IllegalArgumentException("unknown parameter type '" + t + "' in spec '" + spec + "'");
        }
        yield ParamType.range(Long.parseLong(t.substring(0, dash)), Long.parseLong(t.substring(dash + 1)));
      }
    };
  }

  /** Matches a typed line: IOS unique-prefix rules, keywords before parameters. */
  public MatchResult<C> match(String line) {
    Words w = Words.split(line);
    if (w.size() == 0) {
      return new MatchResult.Empty<>();
    }
    CommandNode<C> node = root;
    List<String> words = new ArrayList<>();
    Map<String, String> args = new LinkedHashMap<>();
    for (int i = 0; i < w.size(); i++) {
      String word = w.word(i);
      Step<C> step = step(node, word);
      if (step.ambiguous) {
        return new MatchResult.Ambiguous<>(w.start(i));
      }
      if (step.next == null) {
        return new MatchResult.Invalid<>(w.start(i) + longestPrefix(node, word));
      }
      node = step.next;
      if (node.isKeyword()) {
        words.add(node.keyword());
      } else if (node.type().restOfLine()) {
        String rest = w.restFrom(i);
        words.add(rest);
        args.put(node.name(), rest);
        break;
      } else {
        String value = node.type().canonical(word);
        words.add(value);
        args.put(node.name(), value);
      }
    }
    if (node.handler() == null) {
      return new MatchResult.Incomplete<>();
    }
    return new MatchResult.Matched<>(node, new Invocation(words, args, line));
  }

  /** The node reached by the complete words of {@code line}, or {@code null} when they do not match. */
  public CommandNode<C> walk(Words w, int count) {
    CommandNode<C> node = root;
    for (int i = 0; i < count; i++) {
      Step<C> step = step(node, w.word(i));
      if (step.next == null) {
        return null;
      }
      node = step.next;
      if (!node.isKeyword() && node.type().restOfLine()) {
        return node;
      }
    }
    return node;
  }

  /** Keywords of {@code node}'s children that start with {@code prefix} (case-insensitive). */
  public static <C> List<CommandNode<C>> completions(CommandNode<C> node, String prefix) {
    String p = ParamType.lower(prefix);
    List<CommandNode<C>> out = new ArrayList<>();
    for (CommandNode<C> c : node.children()) {
      if (c.isKeyword() && ParamType.lower(c.keyword()).startsWith(p)) {
        out.add(c);
      }
    }
    return out;
  }

  private record Step<C>(CommandNode<C> next, boolean ambiguous) {}

  private static <C> Step<C> step(CommandNode<C> node, String word) {
    List<CommandNode<C>> kw = completions(node, word);
    for (CommandNode<C> c : kw) {
      if (c.keyword().equalsIgnoreCase(word)) {
        return new Step<>(c, false);
      }
    }
    if (kw.size() == 1) {
      return new Step<>(kw.get(0), false);
    }
    if (kw.size() > 1) {
      return new Step<>(null, true);
    }
    for (CommandNode<C> c : node.children()) {
      if (!c.isKeyword() && c.type().accepts(word)) {
        return new Step<>(c, false);
      }
    }
    return new Step<>(null, false);
  }

  /** How many leading characters of {@code word} still match some keyword: IOS puts the caret after them. */
  private static <C> int longestPrefix(CommandNode<C> node, String word) {
    int best = 0;
    String w = ParamType.lower(word);
    for (CommandNode<C> c : node.children()) {
      if (!c.isKeyword()) {
        return 0;
      }
      String k = ParamType.lower(c.keyword());
      int n = 0;
      while (n < w.length() && n < k.length() && w.charAt(n) == k.charAt(n)) {
        n++;
      }
      best = Math.max(best, n);
    }
    return best;
  }
}
