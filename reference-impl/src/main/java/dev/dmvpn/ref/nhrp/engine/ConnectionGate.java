package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * Tells the engine when an NBMA peer can be used: the node implements it with IPsec ("IPSEC-IFC: need to wait
 * for IPsec SAs" in the IOS debug). A cache binding to a new NBMA address stays pending, and a resolution reply
 * to a spoke stays delayed, until the gate runs the callback.
 */
public interface ConnectionGate {

  /** Whether traffic to {@code nbma} can flow now. */
  boolean isReady(Ipv4Address nbma);

  /**
   * Brings the connection to {@code nbma} up if needed and runs {@code onReady} once it is usable, on the
   * engine's scheduler thread; runs it at once when the peer is already ready. May never run it (IKE failed).
   */
  void whenReady(Ipv4Address nbma, Runnable onReady);

  /** A gate without IPsec: every peer is ready at once. */
  ConnectionGate ALWAYS_READY =
      new ConnectionGate() {
        @Override
        public boolean isReady(Ipv4Address nbma) {
          return true;
        }

        @Override
        public void whenReady(Ipv4Address nbma, Runnable onReady) {
          onReady.run();
        }
      };
}
