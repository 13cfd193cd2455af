package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.time.Duration;

/**
 * One row of {@code show ip eigrp neighbors}, read-only: {@code H Address Interface Hold Uptime SRTT RTO Q Seq}.
 *
 * @param handle H: the order neighbours were discovered in (0 first)
 * @param holdSecondsLeft Hold (sec): seconds until the neighbour is dropped without a hello
 * @param uptime since the adjacency came up (or since first heard while pending)
 * @param srttMillis SRTT (ms), 0 before the first acknowledgment
 * @param rtoMillis RTO (ms)
 * @param queueCount Q Cnt: reliable packets waiting for the neighbour's acknowledgment
 * @param lastSequence Seq Num: the last sequence number received from it
 * @param up false while the INIT exchange is pending
 */
public record EigrpNeighborSnapshot(int handle, Ipv4Address address, String interfaceName, int holdSecondsLeft,
    Duration uptime, long srttMillis, long rtoMillis, int queueCount, long lastSequence, boolean up) {}
