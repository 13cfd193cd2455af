package dev.dmvpn.ref.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Opening capture files by content (pcap or pcapng, any byte order), and whole-file shortcuts. */
public final class CaptureFiles {
  private CaptureFiles() {}

  /**
   * Opens a capture for streaming, recognising the format from its first four bytes.
   *
   * @throws CaptureFormatException the file is not pcap or pcapng, or its file header is broken (the message
   *     names the file and the reason on one line)
   */
  public static CaptureReader open(Path file) throws IOException {
    return open(FileChannel.open(file, StandardOpenOption.READ), file.toString());
  }

  /** Opens a capture arriving on a stream (a pipe, a socket); {@code name} is used in messages. */
  public static CaptureReader open(InputStream in, String name) throws IOException {
    return open(Channels.newChannel(in), name);
  }

  private static CaptureReader open(ReadableByteChannel channel, String name) throws IOException {
    ChannelInput in = new ChannelInput(channel, ChannelInput.DEFAULT_WINDOW);
    try {
      return openFormat(in, name);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  private static CaptureReader openFormat(ChannelInput in, String name) throws IOException {
    if (!in.request(4)) {
      int n = in.buffered();
      throw new CaptureFormatException(name + (n == 0
          ? ": empty file, not a pcap or pcapng file"
          : ": too short (" + n + " bytes) to be a pcap or pcapng file"));
    }
    in.order(ByteOrder.BIG_ENDIAN);
    int magic = in.int32(0);
    if (isPcapMagic(magic) || isPcapMagic(Integer.reverseBytes(magic))) {
      return PcapReader.open(in, name);
    }
    if (magic == PcapngBlocks.SECTION_HEADER) {
      return PcapngReader.open(in, name);
    }
    throw new CaptureFormatException(
        name + ": not a pcap or pcapng file (magic 0x" + String.format("%08x", magic) + ")");
  }

  private static boolean isPcapMagic(int magic) {
    return magic == PcapReader.MAGIC_MICROS || magic == PcapReader.MAGIC_NANOS;
  }

  /**
   * Every frame of a file; strict: damage anywhere throws.
   *
   * @throws CaptureFormatException not a capture, or a damaged record (message: file, layer, offset, reason)
   */
  public static List<CapturedFrame> readAll(Path file) throws IOException {
    CaptureContents c = load(file);
    if (c.trailingError().isPresent()) {
      throw new CaptureFormatException(file + ": " + c.trailingError().get());
    }
    return c.frames();
  }

  /** Every frame before the end or the first damaged record, with the damage (if any) reported, not thrown. */
  public static CaptureContents load(Path file) throws IOException {
    try (CaptureReader r = open(file)) {
      List<CapturedFrame> frames = new ArrayList<>();
      for (CapturedFrame f = r.next(); f != null; f = r.next()) {
        frames.add(f);
      }
      return new CaptureContents(
          r.format(), List.copyOf(r.interfaces()), frames, r.trailingError());
    }
  }

  /**
   * Writes frames of one link type as a little-endian nanosecond pcap file.
   *
   * @throws IllegalArgumentException when the frames have different link types (use {@link #writePcapng})
   */
  public static void writePcap(Path file, List<CapturedFrame> frames) throws IOException {
    LinkType lt = frames.isEmpty() ? LinkType.ETHERNET : frames.get(0).linkType();
    try (PcapWriter w = PcapWriter.create(file, lt)) {
      for (CapturedFrame f : frames) {
        w.write(f);
      }
    }
  }

  /**
   * Writes frames as little-endian pcapng, one interface per distinct {@link CapturedFrame#interfaceIndex()}
   * (ids 0..max; an interface takes the link type of its first frame, unused ids become Ethernet).
   */
  public static void writePcapng(Path file, List<CapturedFrame> frames) throws IOException {
    List<LinkType> types = new ArrayList<>();
    for (CapturedFrame f : frames) {
      while (types.size() <= f.interfaceIndex()) {
        types.add(null);
      }
      if (types.get(f.interfaceIndex()) == null) {
        types.set(f.interfaceIndex(), f.linkType());
      }
    }
    try (PcapngWriter w = PcapngWriter.create(file)) {
      for (LinkType t : types) {
        w.addInterface(t == null ? LinkType.ETHERNET : t);
      }
      for (CapturedFrame f : frames) {
        w.write(f);
      }
    }
  }
}
