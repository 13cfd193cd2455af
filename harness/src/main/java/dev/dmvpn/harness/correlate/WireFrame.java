package dev.dmvpn.harness.correlate;

import dev.dmvpn.harness.sequence.FrameLabels;
import dev.dmvpn.harness.sequence.FrameView;
import dev.dmvpn.harness.sequence.FrameViews;
import dev.dmvpn.ref.capture.DecodedFrame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A captured frame as the correlation sees it: its capture, number, capture-clock time and fields (the
 * expected-sequence field names, plus {@code nhrp.size}, the NHRP packet length that {@code debug nhrp} prints as
 * "packet size").
 */
public record WireFrame(String capture, FrameView view) {

  /** The frames of one capture, ESP opened when the decoder had keys. */
  public static List<WireFrame> of(String capture, List<DecodedFrame> frames) {
    List<FrameView> views = FrameViews.of(frames);
    List<WireFrame> out = new ArrayList<>(frames.size());
    for (int i = 0; i < frames.size(); i++) {
      FrameView v = views.get(i);
      DecodedFrame f = frames.get(i);
      if (f.nhrp() != null) {
        Map<String, Object> fields = new LinkedHashMap<>(v.fields());
        fields.put("nhrp.size", (long) f.nhrp().header().packetSize());
        v = new FrameView(v.number(), v.timeNanos(), fields);
      }
      out.add(new WireFrame(capture, v));
    }
    return out;
  }

  public long number() {
    return view.number();
  }

  public long timeNanos() {
    return view.timeNanos();
  }

  /** E.g. {@code 209.168.202.130 -> 209.168.202.225  ESP 0x1a2b3c4d #3: NHRP resolution-request hop 255 id 7}. */
  public String summary() {
    return FrameLabels.line(view);
  }
}
