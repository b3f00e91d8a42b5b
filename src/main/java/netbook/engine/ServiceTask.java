package netbook.engine;

import java.util.Map;

/**
 * A task of a Swarm service as {@code docker service ps} lists it: its name ({@code web.1}: the
 * service and the slot), the node it was scheduled on (hostname, "" while unassigned), its current
 * and desired state ({@code running}, {@code shutdown}, …), the error that ended it, and its
 * addresses, network name to an address with prefix length ({@code ov -> 10.0.1.5/24}).
 */
public record ServiceTask(
    String id,
    String name,
    String node,
    String state,
    String desiredState,
    String error,
    Map<String, String> addresses) {
  public ServiceTask {
    addresses = Map.copyOf(addresses);
  }

  /** Whether the task runs and is meant to. */
  public boolean running() {
    return "running".equals(state) && "running".equals(desiredState);
  }

  /** As a {@code docker service ps} row: {@code web.1 node2 running ov=10.0.1.5/24}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(name).append("  ").append(node.isEmpty() ? "-" : node);
    sb.append("  ").append(state);
    if (!state.equals(desiredState)) {
      sb.append(" (desired ").append(desiredState).append(')');
    }
    new java.util.TreeMap<>(addresses)
        .forEach((n, a) -> sb.append("  ").append(n).append('=').append(a));
    if (!error.isEmpty()) {
      sb.append("  \"").append(error).append('"');
    }
    return sb.toString();
  }
}
