package dev.dmvpn.ref.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading whole capture files. MINIMAL BOOTSTRAP VERSION: classic pcap only; pcapng and streaming readers
 * replace this (same method names).
 */
public final class CaptureFiles {
  private CaptureFiles() {}

  public static List<CapturedFrame> readAll(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    if (all.length < 24) {
      throw new CaptureFormatException(file + ": too short for a pcap header");
    }
    ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
    int magic = b.getInt(0);
    boolean nanos;
    if (magic == 0xa1b2c3d4 || magic == 0xa1b23c4d) {
      nanos = magic == 0xa1b23c4d;
    } else {
      b.order(ByteOrder.BIG_ENDIAN);
      magic = b.getInt(0);
      if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
        throw new CaptureFormatException(file + ": not a pcap file");
      }
      nanos = magic == 0xa1b23c4d;
    }
    LinkType lt = new LinkType(b.getInt(20));
    List<CapturedFrame> frames = new ArrayList<>();
    int pos = 24;
    while (pos + 16 <= all.length) {
      long sec = b.getInt(pos) & 0xFFFFFFFFL;
      long frac = b.getInt(pos + 4) & 0xFFFFFFFFL;
      int incl = b.getInt(pos + 8);
      int orig = b.getInt(pos + 12);
      pos += 16;
      if (incl < 0 || pos + incl > all.length) {
        throw new CaptureFormatException(file + ": record at " + (pos - 16) + " overruns the file");
      }
      byte[] data = new byte[incl];
      System.arraycopy(all, pos, data, 0, incl);
      pos += incl;
      frames.add(new CapturedFrame(0, lt, sec * 1_000_000_000L + (nanos ? frac : frac * 1000), orig, data));
    }
    return frames;
  }
}
