package dev.dmvpn.reports.model;

import java.util.Locale;

/** Media types of the attachments a DMVPN run produces, and which of them are text. */
public final class MediaTypes {
  public static final String TEXT = "text/plain";
  public static final String JSON = "application/json";
  public static final String SVG = "image/svg+xml";
  /** libpcap files; pcapng is {@link #PCAPNG}. */
  public static final String PCAP = "application/vnd.tcpdump.pcap";
  public static final String PCAPNG = "application/x-pcapng";
  /** Wireshark's {@code esp_sa} and {@code ikev1_decryption_table} UAT files: text, one record per line. */
  public static final String WIRESHARK_KEYS = "text/csv";

  private MediaTypes() {}

  /** Text types are masked for secrets and shown as text: {@code text/*}, JSON, XML, SVG. */
  public static boolean isText(String mediaType) {
    String t = mediaType.toLowerCase(Locale.ROOT);
    return t.startsWith("text/") || t.equals(JSON) || t.endsWith("+json") || t.endsWith("+xml")
        || t.equals("application/xml");
  }

  /** A file extension for a media type, used when the caller's file name has none. */
  public static String extension(String mediaType) {
    switch (mediaType.toLowerCase(Locale.ROOT)) {
      case JSON:
        return "json";
      case SVG:
        return "svg";
      case PCAP:
        return "pcap";
      case PCAPNG:
        return "pcapng";
      case WIRESHARK_KEYS:
        return "csv";
      case "text/html":
        return "html";
      default:
        return mediaType.startsWith("text/") ? "txt" : "bin";
    }
  }
}
