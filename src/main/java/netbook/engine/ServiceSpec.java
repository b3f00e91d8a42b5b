package netbook.engine;

import java.util.List;
import java.util.Map;

/**
 * A Swarm service to create, as {@code docker service create} takes it: its name, image, number of
 * replicas, the overlay networks its tasks join, the ports published through the routing mesh
 * ({@link PortBinding#hostPort()} published, {@link PortBinding#containerPort()} the target), the
 * endpoint mode ({@code vip}: one virtual IP balanced by IPVS; {@code dnsrr}: DNS answers each
 * task), the command ({@code []} for the image's) and the labels.
 */
public record ServiceSpec(
    String name,
    String image,
    int replicas,
    List<String> networks,
    List<PortBinding> ports,
    String endpointMode,
    List<String> cmd,
    Map<String, String> labels) {
  public static final String VIP = "vip";
  public static final String DNSRR = "dnsrr";

  public ServiceSpec {
    networks = List.copyOf(networks);
    ports = List.copyOf(ports);
    endpointMode = endpointMode == null || endpointMode.isEmpty() ? VIP : endpointMode;
    cmd = List.copyOf(cmd);
    labels = Map.copyOf(labels);
  }

  /** As the command line that would make it: {@code docker service create --name web …}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("docker service create --name ").append(name);
    sb.append(" --replicas ").append(replicas);
    networks.forEach(n -> sb.append(" --network ").append(n));
    ports.forEach(
        p -> sb.append(" -p ").append(p.hostPort()).append(':').append(p.containerPort()));
    if (!VIP.equals(endpointMode)) {
      sb.append(" --endpoint-mode ").append(endpointMode);
    }
    sb.append(' ').append(image);
    cmd.forEach(c -> sb.append(' ').append(c));
    return sb.toString();
  }
}
