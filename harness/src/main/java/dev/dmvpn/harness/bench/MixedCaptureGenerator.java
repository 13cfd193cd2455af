package dev.dmvpn.harness.bench;

import dev.dmvpn.harness.demo.DocumentFrames;
import dev.dmvpn.harness.demo.WireFrames;
import dev.dmvpn.ref.capture.LinkType;
import dev.dmvpn.ref.capture.PcapWriter;
import dev.dmvpn.ref.esp.EspPacket;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.isakmp.IsakmpHeader;
import dev.dmvpn.ref.isakmp.IsakmpMessage;
import dev.dmvpn.ref.isakmp.KePayload;
import dev.dmvpn.ref.isakmp.NatDPayload;
import dev.dmvpn.ref.isakmp.NoncePayload;
import dev.dmvpn.ref.isakmp.PayloadType;
import dev.dmvpn.ref.isakmp.VendorIdPayload;
import dev.dmvpn.ref.isakmp.VendorIds;
import dev.dmvpn.ref.l2l3.MacAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a large DMVPN capture for the decode benchmark: a repeating 12-frame cycle of NHRP (registration,
 * resolution via the hub), ISAKMP (Main Mode 1 and 3 in clear, an encrypted Quick Mode) and ESP (protocol 50),
 * every frame encoded from records with its own request ID, cookie or sequence number. Deterministic (fixed seed).
 */
public final class MixedCaptureGenerator {
  private static final MacAddress A = MacAddress.parse("02:00:00:00:01:30");
  private static final MacAddress B = MacAddress.parse("02:00:00:00:01:31");
  private static final long START_NANOS = 1_795_737_600_000_000_000L;

  private final Random random = new Random(20261127);

  /** Writes {@code frames} frames; returns how many of each kind were written ({nhrp, isakmp, esp}). */
  public long[] write(Path file, long frames) throws IOException {
    long[] kinds = new long[3];
    try (PcapWriter w = PcapWriter.create(file, LinkType.ETHERNET)) {
      long n = 0;
      for (long cycle = 0; n < frames; cycle++) {
        List<byte[]> batch = cycle(cycle);
        for (int i = 0; i < batch.size() && n < frames; i++, n++) {
          w.write(START_NANOS + n * 10_000L, batch.get(i));
          kinds[i < 7 ? 0 : i < 10 ? 1 : 2]++;
        }
      }
    }
    return kinds;
  }

  /** One cycle: frames 0-6 NHRP, 7-9 ISAKMP, 10-11 ESP (120 and 1400 bytes of body). */
  private List<byte[]> cycle(long c) {
    long id = (c & 0x7FFFFFFFL) + 1;
    List<byte[]> frames = new ArrayList<>(12);
    frames.addAll(DocumentFrames.registration(A, DocumentFrames.SV9_4_NBMA, DocumentFrames.SV9_4_TUNNEL, id));
    frames.addAll(DocumentFrames.registration(B, DocumentFrames.SV9_3_NBMA, DocumentFrames.SV9_3_TUNNEL, id));
    frames.addAll(DocumentFrames.resolutionViaHub(id));
    frames.add(DocumentFrames.mainMode1(random.nextLong()));
    frames.add(mainMode3(random.nextLong(), random.nextLong()));
    frames.add(quickModeEncrypted(random.nextLong(), random.nextLong(), random.nextInt()));
    frames.add(DocumentFrames.esp(0x2e8b3c01, c * 2 + 1, 120));
    frames.add(DocumentFrames.esp(0x2e8b3c01, c * 2 + 2, 1400));
    return frames;
  }

  /** MM3 as IOS sends it: KE (group 1), NONCE (20 bytes), Unity, DPD, IOS per-SA, XAUTH, NAT-D x2 (RFC numbering). */
  private byte[] mainMode3(long icky, long rcky) {
    IsakmpMessage m = IsakmpMessage.plain(IsakmpHeader.of(icky, rcky, ExchangeType.MAIN_MODE, 0, 0), List.of(
        new KePayload(bytes(96)), new NoncePayload(bytes(20)),
        VendorIds.Known.CISCO_UNITY.payload(), VendorIds.Known.DPD.payload(),
        new VendorIdPayload(VendorIds.iosPerSa(icky, bytes(8))),
        VendorIds.Known.XAUTH.payload(),
        new NatDPayload(PayloadType.NAT_D_RFC, bytes(16)), new NatDPayload(PayloadType.NAT_D_RFC, bytes(16))));
    return WireFrames.isakmp(B, A, DocumentFrames.SV9_3_NBMA, DocumentFrames.SV9_4_NBMA, m, 31);
  }

  private byte[] quickModeEncrypted(long icky, long rcky, int messageId) {
    IsakmpMessage m = IsakmpMessage.encrypted(
        IsakmpHeader.of(icky, rcky, ExchangeType.QUICK_MODE, IsakmpHeader.FLAG_ENCRYPTED, messageId), bytes(136));
    return WireFrames.isakmp(B, A, DocumentFrames.SV9_3_NBMA, DocumentFrames.SV9_4_NBMA, m, 32);
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
