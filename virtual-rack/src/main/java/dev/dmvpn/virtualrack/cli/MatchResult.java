package dev.dmvpn.virtualrack.cli;

/** What the matcher made of one input line. */
public sealed interface MatchResult<C> {

  /** A complete command. */
  record Matched<C>(CommandNode<C> node, Invocation invocation) implements MatchResult<C> {}

  /** No command matches; {@code column} is where IOS puts its caret (0-based in the typed line). */
  record Invalid<C>(int column) implements MatchResult<C> {}

  /** The words match the start of commands but none ends there. */
  record Incomplete<C>() implements MatchResult<C> {}

  /** A word is a prefix of more than one keyword. */
  record Ambiguous<C>(int column) implements MatchResult<C> {}

  /** Nothing but blanks. */
  record Empty<C>() implements MatchResult<C> {}
}
