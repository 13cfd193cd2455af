package dev.dmvpn.ref.capture;

import static dev.dmvpn.ref.capture.PcapngBlocks.*;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a one-section pcapng file: a Section Header Block, then one Interface Description Block per {@link
 * #addInterface} call (with {@code if_tsresol} and optionally {@code if_name}), then Enhanced Packet Blocks.
 * Interfaces may be added at any time; frames refer to them by the returned id. Not thread-safe.
 *
 * @see PcapngReader for the block layouts
 */
public final class PcapngWriter implements Closeable {
  private static final int OPT_SHB_USERAPPL = 4;
  private static final byte[] USER_APPLICATION = "dmvpn-harness".getBytes(StandardCharsets.UTF_8);

  private final OutputSink sink;
  private final List<CaptureInterface> interfaces = new ArrayList<>();
  private long framesWritten;

  public PcapngWriter(OutputStream out, ByteOrder order) throws IOException {
    this.sink = new OutputSink(out, order, OutputSink.DEFAULT_SIZE);
    writeSectionHeader();
  }

  public static PcapngWriter create(Path file, ByteOrder order) throws IOException {
    return new PcapngWriter(Files.newOutputStream(file), order);
  }

  /** A new little-endian file. */
  public static PcapngWriter create(Path file) throws IOException {
    return create(file, ByteOrder.LITTLE_ENDIAN);
  }

  private void writeSectionHeader() throws IOException {
    int options = 4 + padded(USER_APPLICATION.length) + 4;
    int length = MIN_SECTION_HEADER + options;
    ByteBuffer b = sink.reserve(length);
    b.putInt(SECTION_HEADER).putInt(length).putInt(BYTE_ORDER_MAGIC);
    b.putShort((short) 1).putShort((short) 0).putLong(-1); // version 1.0, section length unknown
    b.putShort((short) OPT_SHB_USERAPPL).putShort((short) USER_APPLICATION.length).put(USER_APPLICATION);
    sink.padTo32Bits(USER_APPLICATION.length);
    sink.reserve(8).putInt(OPT_END).putInt(length); // opt_endofopt (code 0, length 0), trailing length
  }

  /**
   * Describes a new interface and returns its id (0, 1, ...).
   *
   * @param snaplen bytes kept per frame, 0 for no limit
   * @param resolution timestamp unit; must be {@link TimestampResolution#isWritable() writable}
   * @param name the {@code if_name} option, or null
   */
  public int addInterface(LinkType linkType, int snaplen, TimestampResolution resolution, String name)
      throws IOException {
    if (!resolution.isWritable()) {
      throw new IllegalArgumentException("cannot write timestamps with resolution " + resolution);
    }
    if (snaplen < 0 || linkType.value() < 0 || linkType.value() > 0xFFFF) {
      throw new IllegalArgumentException("bad snaplen " + snaplen + " or link type " + linkType);
    }
    byte[] nameBytes = name == null ? null : name.getBytes(StandardCharsets.UTF_8);
    int options = 8 + 4 + (nameBytes == null ? 0 : 4 + padded(nameBytes.length));
    int length = MIN_INTERFACE_DESCRIPTION + options;
    ByteBuffer b = sink.reserve(16);
    b.putInt(INTERFACE_DESCRIPTION).putInt(length);
    b.putShort((short) linkType.value()).putShort((short) 0).putInt(snaplen);
    if (nameBytes != null) {
      sink.reserve(4).putShort((short) OPT_IF_NAME).putShort((short) nameBytes.length);
      sink.putBytes(nameBytes, 0, nameBytes.length);
      sink.padTo32Bits(nameBytes.length);
    }
    b = sink.reserve(16);
    b.putShort((short) OPT_IF_TSRESOL).putShort((short) 1).put((byte) resolution.code()).put(new byte[3]);
    b.putInt(OPT_END).putInt(length);
    int id = interfaces.size();
    interfaces.add(new CaptureInterface(id, linkType, snaplen, resolution, 0, name));
    return id;
  }

  /** An Ethernet-style interface: snaplen 262144, nanosecond timestamps, no name. */
  public int addInterface(LinkType linkType) throws IOException {
    return addInterface(linkType, PcapWriter.DEFAULT_SNAPLEN, TimestampResolution.NANOS, null);
  }

  /** Writes a frame on interface {@code frame.interfaceIndex()}, whose link type must match the frame's. */
  public void write(CapturedFrame frame) throws IOException {
    CaptureInterface iface = interfaceOf(frame.interfaceIndex());
    if (!iface.linkType().equals(frame.linkType())) {
      throw new IllegalArgumentException("frame link type " + frame.linkType() + " differs from interface "
          + iface.index() + "'s " + iface.linkType());
    }
    write(frame.interfaceIndex(), frame.timestampNanos(), frame.originalLength(), frame.data());
  }

  /** Writes an Enhanced Packet Block; data beyond the interface's snaplen is cut off. */
  public void write(int interfaceId, long timestampNanos, int originalLength, byte[] data)
      throws IOException {
    CaptureInterface iface = interfaceOf(interfaceId);
    int captured = iface.snaplen() > 0 ? Math.min(data.length, iface.snaplen()) : data.length;
    long units = iface.resolution().fromNanos(timestampNanos);
    int length = MIN_ENHANCED_PACKET + padded(captured);
    ByteBuffer b = sink.reserve(28);
    b.putInt(ENHANCED_PACKET).putInt(length).putInt(interfaceId);
    b.putInt((int) (units >>> 32)).putInt((int) units);
    b.putInt(captured).putInt(Math.max(originalLength, captured));
    sink.putBytes(data, 0, captured);
    sink.padTo32Bits(captured);
    sink.reserve(4).putInt(length);
    framesWritten++;
  }

  private CaptureInterface interfaceOf(int id) {
    if (id < 0 || id >= interfaces.size()) {
      throw new IllegalArgumentException(
          "interface " + id + " not added (" + interfaces.size() + " interfaces so far)");
    }
    return interfaces.get(id);
  }

  public List<CaptureInterface> interfaces() {
    return List.copyOf(interfaces);
  }

  public long framesWritten() {
    return framesWritten;
  }

  public void flush() throws IOException {
    sink.flush();
  }

  @Override
  public void close() throws IOException {
    sink.close();
  }
}
