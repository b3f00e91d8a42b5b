package netbook.lab;

/**
 * A task of a Swarm service, as a lesson reads it: its name ({@code web.1}), the node it runs on,
 * its address on the service's overlay (without prefix length; "" before it has one) and its state
 * ({@code running}, {@code preparing}, …).
 */
public record SwarmTask(String name, String node, String ip, String state) {
  /** Whether the task runs now. */
  public boolean running() {
    return "running".equals(state);
  }

  @Override
  public String toString() {
    return name + " on " + node + " " + (ip.isEmpty() ? "-" : ip) + " " + state;
  }
}
