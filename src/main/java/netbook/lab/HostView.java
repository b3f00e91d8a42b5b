package netbook.lab;

import java.util.List;
import java.util.Optional;
import netbook.engine.HostInterface;

/**
 * {@code host()}: the engine host's side of the networks — loopback, uplink, {@code docker0},
 * {@code br-…} bridges and each container's {@code veth…}, with the bridge it hangs off and the
 * container at its other end.
 */
public record HostView(List<HostInterface> interfaces) {
  public HostView {
    interfaces = List.copyOf(interfaces);
  }

  /** The veth ends on the host, one per container interface, with the container each leads to. */
  public List<HostInterface> veths() {
    return interfaces.stream().filter(i -> i.kind().equals("veth")).toList();
  }

  /** The bridges on the host: docker0 and one per user-defined network. */
  public List<HostInterface> bridges() {
    return interfaces.stream().filter(i -> i.kind().equals("bridge")).toList();
  }

  /** The interface of that name, if the host has it. */
  public Optional<HostInterface> get(String name) {
    return interfaces.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (HostInterface i : interfaces) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(i);
    }
    return sb.toString();
  }
}
