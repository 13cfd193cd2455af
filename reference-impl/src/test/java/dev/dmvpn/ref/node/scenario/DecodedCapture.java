package dev.dmvpn.ref.node.scenario;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.capture.FrameDecoder;
import dev.dmvpn.ref.capture.decrypt.CaptureKeys;
import dev.dmvpn.ref.capture.decrypt.KeyedFrameDecryptor;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A scenario capture decoded by the project's FrameDecoder with the exported keys, with small queries. */
final class DecodedCapture {
  final List<DecodedFrame> frames = new ArrayList<>();

  DecodedCapture(Path pcap, Path keyDir) throws IOException {
    KeyedFrameDecryptor decryptor = new KeyedFrameDecryptor(CaptureKeys.load(List.of(keyDir)));
    long n = 1;
    for (CapturedFrame f : CaptureFiles.readAll(pcap)) {
      frames.add(FrameDecoder.decode(n++, f, decryptor));
    }
  }

  List<DecodedFrame> where(Predicate<DecodedFrame> p) {
    List<DecodedFrame> out = new ArrayList<>();
    for (DecodedFrame f : frames) {
      if (p.test(f)) {
        out.add(f);
      }
    }
    return out;
  }

  /** Index of the first frame matching, -1 if none. */
  int first(Predicate<DecodedFrame> p) {
    for (int i = 0; i < frames.size(); i++) {
      if (p.test(frames.get(i))) {
        return i;
      }
    }
    return -1;
  }

  int last(Predicate<DecodedFrame> p) {
    for (int i = frames.size() - 1; i >= 0; i--) {
      if (p.test(frames.get(i))) {
        return i;
      }
    }
    return -1;
  }

  static Predicate<DecodedFrame> outer(String src, String dst) {
    Ipv4Address s = Ipv4Address.parse(src);
    Ipv4Address d = Ipv4Address.parse(dst);
    return f -> f.ipv4() != null && f.ipv4().source().equals(s) && f.ipv4().destination().equals(d);
  }

  static Predicate<DecodedFrame> isakmp(ExchangeType type) {
    return f -> f.isakmp() != null && f.isakmp().header().exchangeType().equals(type);
  }

  static Predicate<DecodedFrame> nhrp(NhrpPacketType type) {
    return f -> f.nhrp() != null && f.nhrp().type().equals(type);
  }

  /** Decrypted ESP carrying GRE (ICV verified), directly (transport mode) or behind an IPv4 header (tunnel). */
  static Predicate<DecodedFrame> insideEsp() {
    return f -> f.esp() != null && "ok".equals(f.espDecryption())
        && (f.espNextHeader() == 47 || f.espNextHeader() == 4) && f.gre() != null;
  }

  /** An ICMP echo request (type 8) or reply (0) tunnelled inside GRE between the given inner addresses. */
  static Predicate<DecodedFrame> echo(int type, String src, String dst) {
    Ipv4Address s = Ipv4Address.parse(src);
    Ipv4Address d = Ipv4Address.parse(dst);
    return f -> f.innerIpv4() != null && f.icmp() != null && f.icmp().type().value() == type
        && f.innerIpv4().source().equals(s) && f.innerIpv4().destination().equals(d);
  }
}
