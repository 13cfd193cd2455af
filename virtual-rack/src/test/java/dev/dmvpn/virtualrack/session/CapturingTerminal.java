package dev.dmvpn.virtualrack.session;

/** A terminal that keeps what the session sent, for tests that drive a session without sockets. */
final class CapturingTerminal implements Terminal {
  private final StringBuilder out = new StringBuilder();
  private boolean closed;

  @Override
  public synchronized void send(String text) {
    out.append(text);
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  /** Everything sent since the last call. */
  synchronized String take() {
    String s = out.toString();
    out.setLength(0);
    return s;
  }

  synchronized boolean closed() {
    return closed;
  }
}
