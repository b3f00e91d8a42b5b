package netbook.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.EndpointResolutionMode;
import com.github.dockerjava.api.model.EndpointSpec;
import com.github.dockerjava.api.model.EndpointVirtualIP;
import com.github.dockerjava.api.model.NetworkAttachmentConfig;
import com.github.dockerjava.api.model.PortConfig;
import com.github.dockerjava.api.model.PortConfigProtocol;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import netbook.engine.EngineException;
import netbook.engine.PortBinding;
import netbook.engine.ServiceInfo;
import netbook.engine.ServiceSpec;
import netbook.engine.ServiceTask;

/**
 * Swarm services on a manager: {@code docker service create/ls/ps/scale/rm} through docker-java's
 * service and task commands. A task's network attachments (its addresses) are not modelled by
 * docker-java's {@link Task}; they are read from the raw values it keeps of the answer.
 */
final class ServiceCalls {
  private final DockerClient client;
  private final String endpoint;

  ServiceCalls(DockerClient client, String endpoint) {
    this.client = client;
    this.endpoint = endpoint;
  }

  String create(ServiceSpec spec) {
    ContainerSpec container = new ContainerSpec().withImage(spec.image()).withLabels(spec.labels());
    if (!spec.cmd().isEmpty()) {
      container.withCommand(spec.cmd());
    }
    TaskSpec task =
        new TaskSpec()
            .withContainerSpec(container)
            .withNetworks(
                spec.networks().stream()
                    .map(n -> new NetworkAttachmentConfig().withTarget(n))
                    .toList());
    List<PortConfig> ports = new ArrayList<>();
    for (PortBinding p : spec.ports()) {
      ports.add(
          new PortConfig()
              .withProtocol(PortConfigProtocol.valueOf(p.protocol().toUpperCase(Locale.ROOT)))
              .withPublishedPort(p.hostPort())
              .withTargetPort(p.containerPort())
              .withPublishMode(PortConfig.PublishMode.ingress));
    }
    var s =
        new com.github.dockerjava.api.model.ServiceSpec()
            .withName(spec.name())
            .withLabels(spec.labels())
            .withTaskTemplate(task)
            .withMode(replicated(spec.replicas()))
            .withEndpointSpec(
                new EndpointSpec()
                    .withMode(
                        ServiceSpec.DNSRR.equals(spec.endpointMode())
                            ? EndpointResolutionMode.DNSRR
                            : EndpointResolutionMode.VIP)
                    .withPorts(ports));
    return call("service create " + spec.name(), () -> client.createServiceCmd(s).exec().getId());
  }

  List<ServiceInfo> services() {
    return call("service ls", () -> client.listServicesCmd().exec()).stream()
        .map(ServiceCalls::info)
        .toList();
  }

  List<ServiceTask> tasks(String service) {
    Map<String, String> hostnames = new LinkedHashMap<>();
    call("node ls", () -> client.listSwarmNodesCmd().exec())
        .forEach(
            n ->
                hostnames.put(
                    n.getId(), n.getDescription() == null ? "" : n.getDescription().getHostname()));
    return call(
            "service ps " + service, () -> client.listTasksCmd().withServiceFilter(service).exec())
        .stream()
        .map(t -> task(service, t, hostnames))
        .toList();
  }

  void scale(String name, int replicas) {
    Service current = call("service inspect " + name, () -> client.inspectServiceCmd(name).exec());
    var spec = current.getSpec().withMode(replicated(replicas));
    call(
        "service scale " + name,
        () ->
            client
                .updateServiceCmd(current.getId(), spec)
                .withVersion(current.getVersion().getIndex())
                .exec());
  }

  void remove(String name) {
    call("service rm " + name, () -> client.removeServiceCmd(name).exec());
  }

  private static ServiceModeConfig replicated(int replicas) {
    return new ServiceModeConfig()
        .withReplicated(new ServiceReplicatedModeOptions().withReplicas(replicas));
  }

  private static ServiceInfo info(Service s) {
    var spec = s.getSpec();
    var container = spec.getTaskTemplate().getContainerSpec();
    int replicas =
        spec.getMode() == null || spec.getMode().getReplicated() == null
            ? 0
            : (int) spec.getMode().getReplicated().getReplicas();
    var es = spec.getEndpointSpec();
    String mode =
        es == null || es.getMode() == null
            ? ServiceSpec.VIP
            : es.getMode().name().toLowerCase(Locale.ROOT);
    List<PortBinding> ports = new ArrayList<>();
    Map<String, String> vips = new LinkedHashMap<>();
    if (s.getEndpoint() != null) {
      if (s.getEndpoint().getPorts() != null) {
        for (PortConfig p : s.getEndpoint().getPorts()) {
          ports.add(
              new PortBinding(
                  "",
                  p.getPublishedPort(),
                  p.getTargetPort(),
                  p.getProtocol() == null
                      ? "tcp"
                      : p.getProtocol().name().toLowerCase(Locale.ROOT)));
        }
      }
      if (s.getEndpoint().getVirtualIPs() != null) {
        for (EndpointVirtualIP v : s.getEndpoint().getVirtualIPs()) {
          vips.put(v.getNetworkID(), v.getAddr());
        }
      }
    }
    return new ServiceInfo(
        s.getId(),
        spec.getName(),
        container == null ? "" : withoutDigest(container.getImage()),
        replicas,
        mode,
        networks(spec),
        ports,
        vips,
        spec.getLabels() == null ? Map.of() : spec.getLabels());
  }

  private static List<String> networks(com.github.dockerjava.api.model.ServiceSpec spec) {
    var task = spec.getTaskTemplate();
    List<NetworkAttachmentConfig> nets =
        task != null && task.getNetworks() != null ? task.getNetworks() : spec.getNetworks();
    return nets == null
        ? List.of()
        : nets.stream().map(NetworkAttachmentConfig::getTarget).toList();
  }

  private static ServiceTask task(String service, Task t, Map<String, String> hostnames) {
    String node = t.getNodeId() == null ? "" : hostnames.getOrDefault(t.getNodeId(), t.getNodeId());
    var st = t.getStatus();
    return new ServiceTask(
        t.getId(),
        service + "." + (t.getSlot() == null ? t.getNodeId() : t.getSlot()),
        node,
        st == null || st.getState() == null ? "" : st.getState().getValue(),
        t.getDesiredState() == null ? "" : t.getDesiredState().getValue(),
        st == null || st.getErr() == null ? "" : st.getErr(),
        addresses(t.getRawValues()));
  }

  /**
   * A task's addresses from its raw {@code NetworksAttachments}: network name to the first address
   * ({@code 10.0.1.5/24}).
   */
  static Map<String, String> addresses(Map<String, Object> raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || !(raw.get("NetworksAttachments") instanceof List<?> list)) {
      return out;
    }
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> att)) {
        continue;
      }
      String name = "";
      if (att.get("Network") instanceof Map<?, ?> net) {
        if (net.get("Spec") instanceof Map<?, ?> spec && spec.get("Name") instanceof String n) {
          name = n;
        } else if (net.get("ID") instanceof String id) {
          name = id;
        }
      }
      if (!name.isEmpty()
          && att.get("Addresses") instanceof List<?> addrs
          && !addrs.isEmpty()
          && addrs.get(0) instanceof String a) {
        out.put(name, a);
      }
    }
    return out;
  }

  /** {@code nginx:latest@sha256:…} as {@code docker service ls} shows it: {@code nginx:latest}. */
  static String withoutDigest(String image) {
    if (image == null) {
      return "";
    }
    int at = image.indexOf('@');
    return at < 0 ? image : image.substring(0, at);
  }

  private <T> T call(String what, Supplier<T> action) {
    try {
      return Conversions.call(what, endpoint, action);
    } catch (EngineException e) {
      if (e.status() == 503 && e.getMessage().contains("not a swarm manager")) {
        throw new EngineException(
            503, what + ": this engine is not a Swarm manager; services are made on node1", e);
      }
      throw e;
    }
  }
}
