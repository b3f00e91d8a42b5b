package netbook.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container as the engine reports it, in our own terms. {@code state} is Docker's word (created,
 * running, exited, …); {@code status} is the human line {@code docker ps} shows (Up 3 seconds).
 */
public record ContainerInfo(
    String id,
    String name,
    String image,
    List<String> command,
    String state,
    String status,
    Instant created,
    String hostname,
    String networkMode,
    Map<String, String> labels,
    List<Endpoint> endpoints,
    List<PortBinding> ports) {

  public ContainerInfo {
    command = command == null ? List.of() : List.copyOf(command);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    ports = ports == null ? List.of() : List.copyOf(ports);
  }

  public String shortId() {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  public boolean running() {
    return "running".equals(state);
  }

  public Optional<Endpoint> endpoint(String network) {
    return endpoints.stream().filter(e -> e.network().equals(network)).findFirst();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("container ").append(name).append(" (").append(image);
    sb.append(", ").append(state);
    for (Endpoint e : endpoints) {
      sb.append(", ").append(e.network()).append(' ').append(e.ipv4());
    }
    return sb.append(')').toString();
  }
}
