package dev.dmvpn.ref.nhrp.engine;

/** The state of one {@link NhsRegistrar}; each constant says what the registrar is waiting for. */
public enum RegistrationState {
  /** Waiting for {@code start()}: nothing sent, no timer running. */
  IDLE,
  /** Waiting for the Registration Reply to the current request ID, retransmitting it with back-off. */
  REGISTERING,
  /** Waiting for the registration timeout (holdtime / 3) to send a refresh with a new request ID. */
  REGISTERED,
  /** Waiting for the back-off timer after a negative reply before a new registration (new request ID). */
  BACKOFF
}
