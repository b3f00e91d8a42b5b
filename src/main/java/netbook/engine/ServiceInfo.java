package netbook.engine;

import java.util.List;
import java.util.Map;

/**
 * A Swarm service as {@code docker service inspect} reports it: its spec's name, image, replicas,
 * endpoint mode, networks (as its spec names them: ids, once the manager resolved them) and
 * published ports, and the virtual IPs the manager gave it, one per network (network id to an
 * address with its prefix length, {@code 10.0.1.2/24}; none in {@code dnsrr} mode).
 */
public record ServiceInfo(
    String id,
    String name,
    String image,
    int replicas,
    String endpointMode,
    List<String> networks,
    List<PortBinding> ports,
    Map<String, String> virtualIps,
    Map<String, String> labels) {
  public ServiceInfo {
    networks = List.copyOf(networks);
    ports = List.copyOf(ports);
    virtualIps = Map.copyOf(virtualIps);
    labels = Map.copyOf(labels);
  }

  /** As a {@code docker service ls} row: {@code web replicated 3 nginx *:8080->80/tcp}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(name).append("  replicated ").append(replicas);
    sb.append("  ").append(image);
    for (PortBinding p : ports) {
      sb.append("  *:")
          .append(p.hostPort())
          .append("->")
          .append(p.containerPort())
          .append('/')
          .append(p.protocol());
    }
    if (!ServiceSpec.VIP.equals(endpointMode)) {
      sb.append("  (").append(endpointMode).append(')');
    }
    return sb.toString();
  }
}
