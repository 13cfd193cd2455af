package dev.dmvpn.harness.sequence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers ISAKMP messages within their exchange, which neither the wire nor Wireshark gives: Main Mode 1..6,
 * Quick Mode 1..3. An exchange is identified by the initiator cookie and the message ID (Main Mode: ID 0 under one
 * initiator cookie, so MM1, whose responder cookie is still zero, belongs with MM2..MM6; each Quick Mode and
 * Informational exchange has its own ID). Messages are numbered in capture order; a message whose bytes equal an
 * earlier message of the same exchange from the same sender is a retransmission and keeps that message's number
 * (IOS retransmits the identical datagram). A capture that starts in the middle of an exchange numbers from its
 * first message seen, so MM5 would read as 1: capture from before the exchange begins.
 */
final class IsakmpMessageNumbers {
  private record Sent(String sender, byte[] bytes, int number) {}

  private final Map<String, List<Sent>> exchanges = new HashMap<>();

  /** The message's number in its exchange and whether it repeats an earlier one. */
  record Numbered(int number, boolean retransmission) {}

  Numbered next(String initiatorCookie, String messageId, String sender, byte[] datagram) {
    List<Sent> sent = exchanges.computeIfAbsent(initiatorCookie + "/" + messageId, k -> new ArrayList<>());
    for (Sent s : sent) {
      if (s.sender().equals(sender) && Arrays.equals(s.bytes(), datagram)) {
        return new Numbered(s.number(), true);
      }
    }
    int distinct = sent.isEmpty() ? 0 : sent.get(sent.size() - 1).number();
    sent.add(new Sent(sender, datagram, distinct + 1));
    return new Numbered(distinct + 1, false);
  }
}
