package dev.dmvpn.virtualrack.router;

/** A session that may show asynchronous log messages (the console always, a VTY after {@code terminal monitor}). */
public interface LogSink {

  /** True when the router should hand this sink the message now. */
  boolean wantsLog();

  /** Shows one stamped message, e.g. {@code *Mar  1 00:01:02.345: %SYS-5-CONFIG_I: ...}. */
  void showLog(String stampedMessage);
}
