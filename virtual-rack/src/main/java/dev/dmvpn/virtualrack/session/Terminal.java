package dev.dmvpn.virtualrack.session;

/** Where a session's output goes: a telnet connection, or nowhere while no one is attached to the console. */
public interface Terminal {

  /** Sends text as is (the session writes {@code \r\n} line ends itself). Never blocks for long. */
  void send(String text);

  /** Ends the connection (the session is over). */
  void close();

  /** A terminal that drops everything: a console line no one is connected to. */
  Terminal DETACHED = new Terminal() {
    @Override
    public void send(String text) {}

    @Override
    public void close() {}
  };
}
