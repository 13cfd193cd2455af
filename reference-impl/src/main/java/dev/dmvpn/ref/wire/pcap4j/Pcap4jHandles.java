package dev.dmvpn.ref.wire.pcap4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.PcapDirection;
import org.pcap4j.core.PcapHandle.TimestampPrecision;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;

/** Opens libpcap handles through pcap4j, finding libpcap also where only the runtime package is installed. */
final class Pcap4jHandles {
  /** pcap4j's system property naming the native library (default "pcap", i.e. libpcap.so). */
  static final String LIB_PROPERTY = "org.pcap4j.core.pcapLibName";
  /** Debian's libpcap0.8 installs only the versioned name; libpcap.so comes with the -dev package. */
  private static final String[] VERSIONED_LIBS = {
    "/usr/lib/x86_64-linux-gnu/libpcap.so.0.8", "/usr/lib/aarch64-linux-gnu/libpcap.so.0.8",
    "/usr/lib/libpcap.so.0.8", "/usr/lib64/libpcap.so.1"
  };

  private Pcap4jHandles() {}

  /** Points pcap4j at the versioned libpcap (libpcap.so needs the -dev package). Runs before pcap4j loads. */
  static synchronized void locateLibpcap() {
    if (System.getProperty(LIB_PROPERTY) != null) {
      return;
    }
    for (String lib : VERSIONED_LIBS) {
      if (Files.exists(Path.of(lib))) {
        System.setProperty(LIB_PROPERTY, lib);
        return;
      }
    }
  }

  /** True when libpcap can be loaded (for tests that skip without it). */
  static boolean libpcapAvailable() {
    locateLibpcap();
    try {
      org.pcap4j.core.Pcaps.libVersion();
      return true;
    } catch (LinkageError e) {
      return false;
    }
  }

  static PcapHandle open(String interfaceName, Pcap4jOptions o) throws IOException {
    locateLibpcap();
    try {
      return builder(interfaceName, o, TimestampPrecision.NANO).build();
    } catch (PcapNativeException nanoFailed) {
      try {
        // some platforms have no nanosecond timestamps; microseconds are still useful
        return builder(interfaceName, o, TimestampPrecision.MICRO).build();
      } catch (PcapNativeException e) {
        throw new IOException(interfaceName + ": cannot open for capture: " + e.getMessage(), e);
      }
    } catch (LinkageError e) {
      throw new IOException("libpcap not loadable (install libpcap0.8): " + e.getMessage(), e);
    }
  }

  private static PcapHandle.Builder builder(String name, Pcap4jOptions o, TimestampPrecision precision) {
    PcapHandle.Builder b = new PcapHandle.Builder(name)
        .snaplen(o.snaplen())
        .promiscuousMode(o.promiscuous() ? PromiscuousMode.PROMISCUOUS : PromiscuousMode.NONPROMISCUOUS)
        .timeoutMillis(o.readTimeoutMillis())
        .immediateMode(true)
        .timestampPrecision(precision);
    return o.inboundOnly() ? b.direction(PcapDirection.IN) : b;
  }
}
