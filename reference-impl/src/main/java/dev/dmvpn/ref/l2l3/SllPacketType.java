package dev.dmvpn.ref.l2l3;

/** The Linux cooked capture "packet type" (where the packet was going, from the capturing host's view). */
public record SllPacketType(int value) {
  /** Sent to this host. */
  public static final SllPacketType HOST = new SllPacketType(0);
  public static final SllPacketType BROADCAST = new SllPacketType(1);
  public static final SllPacketType MULTICAST = new SllPacketType(2);
  /** Sent by another host to another host (seen in promiscuous mode). */
  public static final SllPacketType OTHER_HOST = new SllPacketType(3);
  /** Sent by this host. */
  public static final SllPacketType OUTGOING = new SllPacketType(4);

  /** The constant for a known value, otherwise a new instance; never throws. */
  public static SllPacketType valueOf(int value) {
    return switch (value) {
      case 0 -> HOST;
      case 1 -> BROADCAST;
      case 2 -> MULTICAST;
      case 3 -> OTHER_HOST;
      case 4 -> OUTGOING;
      default -> new SllPacketType(value);
    };
  }

  public String name() {
    return switch (value) {
      case 0 -> "host";
      case 1 -> "broadcast";
      case 2 -> "multicast";
      case 3 -> "other-host";
      case 4 -> "outgoing";
      default -> "unknown-" + value;
    };
  }

  @Override
  public String toString() {
    return name();
  }
}
