package netbook.engine;

/**
 * A node of a Swarm as {@code docker node ls} lists it: its hostname, state ({@code ready}),
 * availability ({@code active}) and manager status ({@code Leader}, or "" for a worker).
 */
public record SwarmNode(
    String id,
    String hostname,
    String state,
    String availability,
    String managerStatus,
    String engineVersion) {
  public boolean ready() {
    return "ready".equalsIgnoreCase(state);
  }

  @Override
  public String toString() {
    return hostname + " " + state + (managerStatus.isEmpty() ? "" : " " + managerStatus);
  }
}
