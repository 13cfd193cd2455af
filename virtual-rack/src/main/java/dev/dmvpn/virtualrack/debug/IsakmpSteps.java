package dev.dmvpn.virtualrack.debug;

import java.util.ArrayList;
import java.util.List;

/** Where one ISAKMP SA's exchanges are (for the IOS states of the next step), and lines held for later. */
final class IsakmpSteps {
  int mainModeReceived;
  int mainModeSent;
  int quickModeId;
  /** The initiator's QM3 lines, printed after the IPsec SAs are created (as IOS does). */
  final List<String> afterPhase2 = new ArrayList<>();
}
