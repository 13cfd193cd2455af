package dev.dmvpn.virtualrack.cli;

/** What a complete command does; {@code C} is the session context the mode's tree is built for. */
@FunctionalInterface
public interface CommandHandler<C> {
  void run(C context, Invocation invocation);
}
