package dev.dmvpn.virtualrack.debug;

import dev.dmvpn.ref.ike.ChildSa;
import dev.dmvpn.ref.ike.IkeListener;
import dev.dmvpn.ref.ike.IkeSa;
import dev.dmvpn.ref.ike.IkeTrace;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.node.TunnelInterface;
import dev.dmvpn.virtualrack.node.CryptoIds;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code debug crypto isakmp} and {@code debug crypto ipsec} for one protected tunnel, printed from the IKE
 * messages the node receives and sends ({@link IkeTrace}) and the SAs it installs ({@link IkeListener}, told by
 * the tunnel protection after it acted), in the order and words of the document's debugs (seed: sv9-4 as Main Mode
 * and Quick Mode responder, sv9-3 as initiator). Main Mode goes to {@link MainModeDebug}, Quick Mode and the SA
 * creation to {@link QuickModeDebug}; informational exchanges print their packet lines only. Continuation lines are
 * part of one debug message, as IOS prints them (the seed shows them unstamped).
 */
final class CryptoDebug implements IkeListener, IkeTrace {
  private final IsakmpLines lines;
  private final MainModeDebug mainMode;
  private final QuickModeDebug quickMode;

  private CryptoDebug(TunnelInterface tunnel, DebugSwitches switches, CryptoIds ids, Consumer<String> out) {
    this.lines = new IsakmpLines(tunnel.name(), switches, ids, out);
    this.mainMode = new MainModeDebug(lines);
    this.quickMode = new QuickModeDebug(lines);
  }

  static void attach(TunnelInterface tunnel, DebugSwitches switches, CryptoIds ids, Consumer<String> out) {
    CryptoDebug d = new CryptoDebug(tunnel, switches, ids, out);
    tunnel.protection().addObserver(d);
    tunnel.protection().ike().addTrace(d);
  }

  @Override
  public void received(IkeSa sa, int mid, ExchangeType type, List<IsakmpPayload> payloads, boolean accepted) {
    IsakmpSteps st = lines.steps(sa);
    if (!lines.isakmp()) {
      st.quickModeId = type.equals(ExchangeType.QUICK_MODE) ? mid : st.quickModeId;
      return;
    }
    if (type.equals(ExchangeType.MAIN_MODE)) {
      mainMode.received(sa, ++st.mainModeReceived, payloads);
    } else if (type.equals(ExchangeType.QUICK_MODE)) {
      quickMode.received(sa, mid, payloads);
    } else {
      lines.out.accept(lines.receivedFrom(sa, "QM_IDLE"));
    }
  }

  @Override
  public void sent(IkeSa sa, int mid, ExchangeType type, List<IsakmpPayload> payloads) {
    if (!lines.isakmp()) {
      return;
    }
    if (type.equals(ExchangeType.MAIN_MODE)) {
      mainMode.sent(sa, ++lines.steps(sa).mainModeSent, payloads);
    } else if (type.equals(ExchangeType.QUICK_MODE)) {
      quickMode.sent(sa, mid, payloads);
    } else {
      lines.out.accept(lines.sendingTo(sa, "QM_IDLE"));
    }
  }

  /** The seed's {@code ISAKMP (0:10): purging node 180238748}, when a finished exchange is forgotten. */
  @Override
  public void forgotten(IkeSa sa, int mid) {
    if (lines.isakmp()) {
      lines.out.accept(lines.head(sa) + "purging node " + mid);
    }
  }

  @Override
  public void phase1Up(IkeSa sa) {
    lines.ids().isakmp(sa); // numbered by now in any case, whether or not debugging is on
  }

  @Override
  public void phase2Up(IkeSa sa, ChildSa child) {
    quickMode.installed(sa, child);
  }

  @Override
  public void ikeSaDeleted(IkeSa sa, String reason) {
    lines.forget(sa);
  }
}
