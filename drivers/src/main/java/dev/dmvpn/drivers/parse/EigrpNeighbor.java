package dev.dmvpn.drivers.parse;

/**
 * One row of {@code show ip eigrp neighbors}.
 *
 * @param asNumber the process / AS of the table heading, or null when the output had no heading
 * @param vrf the {@code VRF(...)} line under the heading, or null
 * @param handle the {@code H} column
 * @param address the neighbour's address
 * @param iface the interface as printed ({@code Tu0}, {@code Gi0/2.390})
 * @param holdSeconds hold time left
 * @param uptime as printed ({@code 00:03:21}, {@code 2d10h})
 * @param srttMs smooth round-trip time
 * @param rtoMs retransmission timeout
 * @param queueCount packets queued
 * @param sequence last sequence number received
 */
public record EigrpNeighbor(Integer asNumber, String vrf, int handle, String address, String iface, int holdSeconds,
    String uptime, int srttMs, int rtoMs, int queueCount, long sequence) {}
