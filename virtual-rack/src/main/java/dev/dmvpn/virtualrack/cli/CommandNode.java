package dev.dmvpn.virtualrack.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One word of a command: a keyword ({@code show}) or a typed parameter ({@code A.B.C.D} named {@code address}),
 * its help text, the words that may follow and, when the words so far form a complete command, its handler.
 */
public final class CommandNode<C> {
  private final String keyword;
  private final ParamType type;
  private final String name;
  private String help = "";
  private final List<CommandNode<C>> children = new ArrayList<>();
  private CommandHandler<C> handler;

  private CommandNode(String keyword, ParamType type, String name) {
    this.keyword = keyword;
    this.type = type;
    this.name = name;
  }

  static <C> CommandNode<C> root() {
    return new CommandNode<>(null, null, "");
  }

  static <C> CommandNode<C> keyword(String word) {
    return new CommandNode<>(word, null, word);
  }

  static <C> CommandNode<C> param(String name, ParamType type) {
    return new CommandNode<>(null, type, name);
  }

  public boolean isKeyword() {
    return keyword != null;
  }

  /** The keyword, or {@code null} for a parameter. */
  public String keyword() {
    return keyword;
  }

  public ParamType type() {
    return type;
  }

  /** The parameter's name (the keyword itself for keywords). */
  public String name() {
    return name;
  }

  public String help() {
    return help;
  }

  void setHelp(String help) {
    this.help = help;
  }

  /** The word {@code ?} shows: the keyword, or the parameter's type token. */
  public String helpToken() {
    return keyword != null ? keyword : type.token();
  }

  public List<CommandNode<C>> children() {
    return Collections.unmodifiableList(children);
  }

  public CommandHandler<C> handler() {
    return handler;
  }

  void setHandler(CommandHandler<C> handler) {
    this.handler = handler;
  }

  /** The child for this spec word, created when absent. */
  CommandNode<C> child(String keywordOrNull, String paramName, ParamType paramType) {
    for (CommandNode<C> c : children) {
      if (keywordOrNull != null ? keywordOrNull.equals(c.keyword)
          : c.keyword == null && c.name.equals(paramName) && c.type.token().equals(paramType.token())) {
        return c;
      }
    }
    CommandNode<C> c = keywordOrNull != null ? keyword(keywordOrNull) : param(paramName, paramType);
    children.add(c);
    return c;
  }
}
