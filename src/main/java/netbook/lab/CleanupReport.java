package netbook.lab;

import java.util.List;

/** What {@code cleanup()} removed, and what it could not. */
public record CleanupReport(List<String> containers, List<String> networks, List<String> failed) {
  public CleanupReport {
    containers = List.copyOf(containers);
    networks = List.copyOf(networks);
    failed = List.copyOf(failed);
  }

  /** Whether there was nothing to remove. */
  public boolean nothing() {
    return containers.isEmpty() && networks.isEmpty() && failed.isEmpty();
  }

  @Override
  public String toString() {
    if (nothing()) {
      return "nothing to clean up";
    }
    StringBuilder sb = new StringBuilder("removed ");
    sb.append(count(containers.size(), "container"));
    if (!containers.isEmpty()) {
      sb.append(" (").append(String.join(", ", containers)).append(')');
    }
    sb.append(" and ").append(count(networks.size(), "network"));
    if (!networks.isEmpty()) {
      sb.append(" (").append(String.join(", ", networks)).append(')');
    }
    for (String f : failed) {
      sb.append("\ncould not remove ").append(f);
    }
    return sb.toString();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
