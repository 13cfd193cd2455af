package dev.dmvpn.ref.capture;

/** The two capture file formats this package reads and writes. */
public enum CaptureFormat {
  /** Classic libpcap format: one global header, then 16-byte record headers. */
  PCAP,
  /** pcapng: typed blocks (SHB, IDB, EPB, ...), several interfaces and sections. */
  PCAPNG
}
