package netbook.engine;

import java.util.List;

/**
 * One network interface on the engine's host, as {@code ip addr} on the host shows it: the
 * loopback, the uplink (eth0), {@code docker0} and {@code br-…} bridges, and a {@code veth…} per
 * container endpoint. For a veth, {@code master} is the bridge it is enslaved to and {@code
 * container} the container whose eth0 is its peer.
 */
public record HostInterface(
    int index,
    String name,
    String kind,
    String mac,
    List<String> addresses,
    boolean up,
    String master,
    String container,
    int peerIndex) {

  public HostInterface {
    addresses = addresses == null ? List.of() : List.copyOf(addresses);
    master = master == null ? "" : master;
    container = container == null ? "" : container;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append(index).append(": ").append(name);
    if (peerIndex > 0) {
      sb.append("@if").append(peerIndex);
    }
    sb.append(" (").append(kind).append(up ? ", up" : ", down").append(')');
    if (!addresses.isEmpty()) {
      sb.append(' ').append(String.join(" ", addresses));
    }
    if (!master.isEmpty()) {
      sb.append(" master ").append(master);
    }
    if (!container.isEmpty()) {
      sb.append(" -> ").append(container).append(":eth0");
    }
    return sb.toString();
  }
}
