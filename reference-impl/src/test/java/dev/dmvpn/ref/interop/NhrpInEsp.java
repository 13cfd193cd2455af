package dev.dmvpn.ref.interop;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.capture.FrameDecoder;
import dev.dmvpn.ref.capture.decrypt.CaptureKeys;
import dev.dmvpn.ref.capture.decrypt.KeyedFrameDecryptor;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A probe-veth capture decoded by the project's {@link FrameDecoder} with the Java node's exported keys, and the
 * NHRP packets found inside ESP (ICV verified, next header GRE).
 */
final class NhrpInEsp {
  /** One NHRP packet carried in GRE inside ESP, with the outer IPv4 header fields IOS and Linux set differently. */
  record Seen(long frame, Ipv4Address from, Ipv4Address to, int outerTtl, int outerTos, boolean outerDf,
      Long greKey, int greFlags, NhrpPacket nhrp) {
    NhrpPacketType type() {
      return nhrp.type();
    }

    @Override
    public String toString() {
      return "#" + frame + " " + from + "->" + to + " " + nhrp.type().name() + " ttl " + outerTtl + " tos 0x"
          + Integer.toHexString(outerTos) + (outerDf ? " DF" : "") + " gre key " + greKey + " hops "
          + nhrp.header().hopCount() + " flags 0x" + Integer.toHexString(nhrp.mandatoryPart().flags())
          + " ext " + Arrays.toString(nhrp.extensionTypes());
    }
  }

  final List<DecodedFrame> frames = new ArrayList<>();
  final List<Seen> nhrp = new ArrayList<>();

  NhrpInEsp(Path pcap, Path keyDir) throws IOException {
    KeyedFrameDecryptor decryptor = new KeyedFrameDecryptor(CaptureKeys.load(List.of(keyDir)));
    long n = 1;
    for (CapturedFrame f : CaptureFiles.readAll(pcap)) {
      DecodedFrame d = FrameDecoder.decode(n++, f, decryptor);
      frames.add(d);
      if (d.esp() != null && "ok".equals(d.espDecryption()) && d.espNextHeader() == 47 && d.nhrp() != null) {
        nhrp.add(new Seen(d.number(), d.ipv4().source(), d.ipv4().destination(), d.ipv4().ttl(), d.ipv4().tos(),
            d.ipv4().dontFragment(), d.gre().key(), d.gre().flagsAndVersion(), d.nhrp()));
      }
    }
  }

  /** The NHRP packets of {@code type} sent from {@code from}, in capture order. */
  List<Seen> of(NhrpPacketType type, Ipv4Address from) {
    List<Seen> out = new ArrayList<>();
    for (Seen s : nhrp) {
      if (s.type().equals(type) && s.from().equals(from)) {
        out.add(s);
      }
    }
    return out;
  }

  /** ESP frames the keys could not open (any is a failure: every SA of the run was exported). */
  List<String> undecrypted() {
    List<String> out = new ArrayList<>();
    for (DecodedFrame d : frames) {
      if (d.esp() != null && !"ok".equals(d.espDecryption())) {
        out.add("#" + d.number() + " " + d.espDecryption());
      }
    }
    return out;
  }
}
