package dev.dmvpn.drivers.ios;

import static dev.dmvpn.drivers.ios.Platform.AFTER_QUESTION;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The answers of the extended {@code ping} and {@code traceroute} dialogs (ios-drivers.md section 2 row 22; the
 * questions and their order as unicon's {@code ios_mock_ping.yaml}, {@code ../shared/fixtures/ios-outputs/
 * _dialog_transcripts/unicon-plugins-mock_3.yaml}, and the extended traceroute of
 * {@code ../shared/fixtures/ios-outputs/traceroute/genieparser-iosxe_8.txt}). A question we have no value for gets
 * Return (the default in brackets); so does any other {@code ... [default]: } question a release adds
 * ({@code Ingress traceroute [n]:}, {@code DSCP Value [0]:}).
 */
final class ExtendedDialog {
  /** Any bracketed-default question; last in the list so the specific answers win. */
  private static final DialogAnswer ANY_DEFAULT =
      new DialogAnswer(Pattern.compile("\\[[^\\]\\n]*\\]: ?" + AFTER_QUESTION), "");

  private ExtendedDialog() {}

  static List<DialogAnswer> ping(PingRequest r) {
    List<DialogAnswer> a = new ArrayList<>();
    a.add(q("Target IP address: ?" + AFTER_QUESTION, r.target()));
    a.add(q("Repeat count \\[\\d+\\]: ?" + AFTER_QUESTION, value(r.repeat())));
    a.add(q("Datagram size \\[\\d+\\]: ?" + AFTER_QUESTION, value(r.size())));
    a.add(q("Timeout in seconds \\[\\d+\\]: ?" + AFTER_QUESTION, value(r.timeoutSeconds())));
    a.add(q("Extended commands \\[n\\]: ?" + AFTER_QUESTION, r.source() != null ? "y" : "n"));
    a.add(q("Source address or interface: ?" + AFTER_QUESTION, r.source() == null ? "" : r.source()));
    a.add(q("Sweep range of sizes \\[n\\]: ?" + AFTER_QUESTION, "n"));
    a.add(ANY_DEFAULT);
    return a;
  }

  static List<DialogAnswer> traceroute(TracerouteRequest r) {
    List<DialogAnswer> a = new ArrayList<>();
    a.add(q("Target IP address: ?" + AFTER_QUESTION, r.target()));
    a.add(q("Source address(?: or interface)?: ?" + AFTER_QUESTION, r.source() == null ? "" : r.source()));
    a.add(q("Numeric display \\[n\\]: ?" + AFTER_QUESTION, r.numeric() ? "y" : ""));
    a.add(q("Timeout in seconds \\[\\d+\\]: ?" + AFTER_QUESTION, value(r.timeoutSeconds())));
    a.add(q("Probe count \\[\\d+\\]: ?" + AFTER_QUESTION, value(r.probes())));
    a.add(q("Minimum Time to Live \\[\\d+\\]: ?" + AFTER_QUESTION, value(r.minTtl())));
    a.add(q("Maximum Time to Live \\[\\d+\\]: ?" + AFTER_QUESTION, value(r.maxTtl())));
    a.add(ANY_DEFAULT);
    return a;
  }

  private static DialogAnswer q(String regex, String answer) {
    return new DialogAnswer(Pattern.compile(regex), answer);
  }

  private static String value(Integer v) {
    return v == null ? "" : v.toString();
  }
}
