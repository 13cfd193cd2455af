package dev.dmvpn.ref.capture;

/**
 * One capture interface: the single implicit interface of a classic pcap file, or one pcapng Interface
 * Description Block.
 *
 * @param index the value frames carry in {@link CapturedFrame#interfaceIndex()}: position in the file's list
 *     of interfaces, counted across all pcapng sections (as Wireshark's {@code frame.interface_id} does)
 * @param linkType link-layer type of every frame on this interface
 * @param snaplen maximum captured bytes per frame (0 = no limit)
 * @param resolution unit of the raw timestamps ({@code if_tsresol})
 * @param timestampOffsetSeconds seconds added to every timestamp ({@code if_tsoffset}), usually 0
 * @param name the {@code if_name} option, or null when absent
 */
public record CaptureInterface(
    int index,
    LinkType linkType,
    int snaplen,
    TimestampResolution resolution,
    long timestampOffsetSeconds,
    String name) {}
