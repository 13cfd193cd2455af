package dev.dmvpn.virtualrack.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What {@code ?} prints. After a blank ({@code show ?}): one line per possible next word, two blanks, the word
 * padded to the longest plus two, the help; {@code <cr>} when the words so far are a complete command. Right
 * after a word ({@code sh?}): the keywords it can abbreviate on one line, each followed by two blanks. An
 * unmatched prefix gives {@code % Unrecognized command}. Column layout from IOS listings such as
 * {@code interface ?} (12.x prints the longest name, {@code Virtual-TokenRing}, followed by two blanks); to be
 * confirmed on the lab routers.
 */
public final class HelpFormatter {
  private HelpFormatter() {}

  /** The help text (lines joined with {@code \n}) for a line typed up to the {@code ?}. */
  public static <C> String help(CommandTree<C> tree, String typed) {
    Words w = Words.split(typed);
    boolean partial = !typed.isEmpty() && typed.charAt(typed.length() - 1) != ' ';
    int complete = partial ? w.size() - 1 : w.size();
    CommandNode<C> node = tree.walk(w, complete);
    if (node == null) {
      return "% Unrecognized command";
    }
    if (partial) {
      return partialHelp(node, w.word(w.size() - 1));
    }
    return fullHelp(node);
  }

  private static <C> String partialHelp(CommandNode<C> node, String prefix) {
    List<CommandNode<C>> kws = CommandTree.completions(node, prefix);
    StringBuilder sb = new StringBuilder();
    for (CommandNode<C> c : node.children()) {
      if (!c.isKeyword() && c.type().accepts(prefix)) {
        sb.append(c.type().token()).append("  ");
      }
    }
    kws.stream().sorted(Comparator.comparing(c -> ParamType.lower(c.keyword())))
        .forEach(c -> sb.append(c.keyword()).append("  "));
    return sb.length() == 0 ? "% Unrecognized command" : sb.toString();
  }

  private static <C> String fullHelp(CommandNode<C> node) {
    if (!node.isKeyword() && node.type() != null && node.type().restOfLine()) {
      return "  <cr>";
    }
    List<String[]> rows = new ArrayList<>();
    List<CommandNode<C>> kids = new ArrayList<>(node.children());
    kids.sort(Comparator.comparing((CommandNode<C> c) -> c.isKeyword() ? 1 : 0)
        .thenComparing(c -> ParamType.lower(c.helpToken())));
    for (CommandNode<C> c : kids) {
      rows.add(new String[] {c.helpToken(), c.help()});
    }
    if (node.handler() != null) {
      rows.add(new String[] {"<cr>", ""});
    }
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      String line = "  " + (r[1].isEmpty() ? r[0] : pad(r[0], width + 2) + r[1]);
      sb.append(line);
    }
    return sb.toString();
  }

  private static String pad(String s, int width) {
    StringBuilder sb = new StringBuilder(s);
    while (sb.length() < width) {
      sb.append(' ');
    }
    return sb.toString();
  }
}
