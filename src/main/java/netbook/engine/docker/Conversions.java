package netbook.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.NetworkSettings;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import netbook.engine.ContainerInfo;
import netbook.engine.ContainerSpec;
import netbook.engine.Endpoint;
import netbook.engine.EngineException;
import netbook.engine.IpamConfig;
import netbook.engine.NetworkInfo;
import netbook.engine.PortBinding;

/** Maps docker-java's model and exceptions to the port's records; nothing of it leaks out. */
final class Conversions {
  private static final System.Logger LOG = System.getLogger(Conversions.class.getName());

  private static final ObjectMapper JSON = new ObjectMapper();

  private Conversions() {}

  static ContainerInfo container(Container c) {
    String name = c.getNames() == null || c.getNames().length == 0 ? "" : strip(c.getNames()[0]);
    List<Endpoint> eps = new ArrayList<>();
    if (c.getNetworkSettings() != null && c.getNetworkSettings().getNetworks() != null) {
      for (Map.Entry<String, ContainerNetwork> e :
          c.getNetworkSettings().getNetworks().entrySet()) {
        eps.add(endpoint(e.getKey(), c.getId(), name, e.getValue()));
      }
    }
    List<PortBinding> ports = new ArrayList<>();
    if (c.getPorts() != null) {
      for (ContainerPort p : c.getPorts()) {
        ports.add(
            new PortBinding(
                p.getIp(),
                p.getPublicPort() == null ? 0 : p.getPublicPort(),
                p.getPrivatePort() == null ? 0 : p.getPrivatePort(),
                p.getType()));
      }
    }
    String mode = c.getHostConfig() == null ? "" : c.getHostConfig().getNetworkMode();
    List<String> cmd = c.getCommand() == null ? List.of() : List.of(c.getCommand());
    return new ContainerInfo(
        c.getId(),
        name,
        c.getImage(),
        cmd,
        c.getState(),
        c.getStatus(),
        c.getCreated() == null ? null : Instant.ofEpochSecond(c.getCreated()),
        "",
        mode,
        c.getLabels(),
        eps,
        ports);
  }

  static ContainerInfo container(InspectContainerResponse r) {
    String name = strip(r.getName());
    List<Endpoint> eps = new ArrayList<>();
    NetworkSettings ns = r.getNetworkSettings();
    if (ns != null && ns.getNetworks() != null) {
      for (Map.Entry<String, ContainerNetwork> e : ns.getNetworks().entrySet()) {
        eps.add(endpoint(e.getKey(), r.getId(), name, e.getValue()));
      }
    }
    List<PortBinding> ports = new ArrayList<>();
    if (ns != null && ns.getPorts() != null) {
      for (Map.Entry<ExposedPort, Ports.Binding[]> e : ns.getPorts().getBindings().entrySet()) {
        ExposedPort ep = e.getKey();
        if (e.getValue() == null) {
          ports.add(new PortBinding("", 0, ep.getPort(), ep.getProtocol().toString()));
          continue;
        }
        for (Ports.Binding b : e.getValue()) {
          int hp =
              b.getHostPortSpec() == null || b.getHostPortSpec().isEmpty()
                  ? 0
                  : Integer.parseInt(b.getHostPortSpec());
          ports.add(new PortBinding(b.getHostIp(), hp, ep.getPort(), ep.getProtocol().toString()));
        }
      }
    }
    var cfg = r.getConfig();
    List<String> cmd = new ArrayList<>();
    if (r.getPath() != null) {
      cmd.add(r.getPath());
    }
    if (r.getArgs() != null) {
      cmd.addAll(Arrays.asList(r.getArgs()));
    }
    String state = r.getState() == null ? "" : r.getState().getStatus();
    String status = status(r);
    return new ContainerInfo(
        r.getId(),
        name,
        cfg == null ? "" : cfg.getImage(),
        cmd,
        state,
        status,
        instant(r.getCreated()),
        cfg == null ? "" : cfg.getHostName(),
        r.getHostConfig() == null ? "" : r.getHostConfig().getNetworkMode(),
        cfg == null ? Map.of() : cfg.getLabels(),
        eps,
        ports);
  }

  private static String status(InspectContainerResponse r) {
    var s = r.getState();
    if (s == null || s.getStatus() == null) {
      return "";
    }
    return switch (s.getStatus()) {
      case "running" -> "Up";
      case "exited" -> "Exited (" + s.getExitCodeLong() + ")";
      case "created" -> "Created";
      default -> s.getStatus();
    };
  }

  static Endpoint endpoint(
      String network, String containerId, String containerName, ContainerNetwork n) {
    return new Endpoint(
        network,
        n.getNetworkID(),
        containerId,
        containerName,
        n.getEndpointId(),
        n.getIpAddress(),
        n.getIpPrefixLen() == null ? 0 : n.getIpPrefixLen(),
        n.getGateway(),
        n.getMacAddress(),
        n.getAliases());
  }

  private static Instant instant(String iso) {
    if (iso == null || iso.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String strip(String name) {
    return name != null && name.startsWith("/") ? name.substring(1) : String.valueOf(name);
  }

  static EngineException error(String what, RuntimeException e) {
    return error(what, e, "the Docker engine");
  }

  /**
   * One readable line for a failed call: Docker's own message for answers (404, 409, …), "lost the
   * Docker engine at …" when the connection broke.
   */
  /** The create call for a container spec: what {@code docker run} would send. */
  static CreateContainerCmd createCommand(DockerClient client, ContainerSpec spec) {
    HostConfig host = HostConfig.newHostConfig().withAutoRemove(spec.autoRemove());
    if (!spec.network().isEmpty()) {
      host.withNetworkMode(spec.network());
    }
    if (!spec.dns().isEmpty()) {
      host.withDns(spec.dns());
    }
    ContainerSpec.Privileges pv = spec.privileges();
    if (pv.privileged()) {
      host.withPrivileged(true);
    }
    if (!pv.capAdd().isEmpty()) {
      host.withCapAdd(pv.capAdd().stream().map(Capability::valueOf).toArray(Capability[]::new));
    }
    if (!pv.securityOpt().isEmpty()) {
      host.withSecurityOpts(pv.securityOpt());
    }
    if (!pv.binds().isEmpty()) {
      host.withBinds(pv.binds().stream().map(Bind::parse).toList());
    }
    List<ExposedPort> exposed = new ArrayList<>();
    Ports bindings = new Ports();
    for (PortBinding p : spec.ports()) {
      ExposedPort ep = new ExposedPort(p.containerPort(), InternetProtocol.parse(p.protocol()));
      exposed.add(ep);
      bindings.bind(
          ep,
          new Ports.Binding(
              p.hostIp().isEmpty() ? null : p.hostIp(),
              p.hostPort() > 0 ? String.valueOf(p.hostPort()) : null));
    }
    if (!exposed.isEmpty()) {
      host.withPortBindings(bindings);
    }
    CreateContainerCmd cmd =
        client
            .createContainerCmd(spec.image())
            .withHostConfig(host)
            .withTty(spec.tty())
            .withStdinOpen(spec.openStdin())
            .withAttachStdin(false)
            .withLabels(spec.labels());
    if (!spec.name().isEmpty()) {
      cmd.withName(spec.name());
    }
    if (!spec.hostname().isEmpty()) {
      cmd.withHostName(spec.hostname());
    }
    if (!spec.cmd().isEmpty()) {
      cmd.withCmd(spec.cmd());
    }
    if (!spec.env().isEmpty()) {
      List<String> env = new ArrayList<>();
      spec.env().forEach((k, v) -> env.add(k + "=" + v));
      cmd.withEnv(env);
    }
    if (!exposed.isEmpty()) {
      cmd.withExposedPorts(exposed);
    }
    boolean userNetwork =
        !spec.network().isEmpty()
            && !NetworkInfo.DEFAULT_NAMES.contains(spec.network())
            && !spec.network().startsWith("container:");
    if (userNetwork && !spec.aliases().isEmpty()) {
      cmd.withAliases(spec.aliases());
    }
    if (userNetwork && !spec.ipv4().isEmpty()) {
      cmd.withIpv4Address(spec.ipv4());
    }
    return cmd;
  }

  /** Runs a docker-java call; its failure as the engine port's exception, naming {@code what}. */
  static <T> T call(String what, String endpoint, Supplier<T> action) {
    try {
      return action.get();
    } catch (EngineException e) {
      throw e;
    } catch (RuntimeException e) {
      throw error(what, e, endpoint);
    }
  }

  static EngineException error(String what, RuntimeException e, String endpoint) {
    if (e instanceof DockerException de) {
      return new EngineException(de.getHttpStatus(), dockerMessage(de.getMessage()), e);
    }
    Throwable t = e;
    while (t != null) {
      if (t instanceof IOException || t.getClass().getSimpleName().contains("Timeout")) {
        String cause = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (t instanceof DeadlineHttpClient.NoAnswer
            || t.getClass().getSimpleName().contains("Timeout")) {
          return new EngineException(
              EngineException.TIMEOUT,
              "the Docker engine at "
                  + endpoint
                  + " stopped answering ("
                  + what
                  + ": no answer within "
                  + DockerEngines.RESPONSE_TIMEOUT.toSeconds()
                  + " s)",
              e);
        }
        return new EngineException(
            EngineException.UNREACHABLE,
            "lost the Docker engine at " + endpoint + " (" + what + ": " + cause + ")",
            e);
      }
      t = t.getCause();
    }
    return new EngineException(500, what + ": " + e, e);
  }

  /** docker-java says "Status 409: {"message":"…"}"; keep Docker's message alone. */
  static String dockerMessage(String raw) {
    if (raw == null) {
      return "error from the Docker engine";
    }
    int brace = raw.indexOf('{');
    if (brace >= 0) {
      try {
        JsonNode node = JSON.readTree(raw.substring(brace));
        if (node.has("message")) {
          return node.get("message").asText().trim();
        }
      } catch (IOException ignored) {
        // not JSON after all: fall through to the raw text
        LOG.log(Level.DEBUG, "an error body that is not JSON: " + raw, ignored);
      }
    }
    return raw.replaceFirst("^Status \\d+: ", "").trim();
  }

  /** 172.17.0.0/16 → 172.17.0.1 (IPv4 only; "" otherwise). */
  static String firstHost(String subnet) {
    if (subnet == null || !subnet.matches("\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+")) {
      return "";
    }
    String[] parts = subnet.substring(0, subnet.indexOf('/')).split("\\.");
    long ip = 0;
    for (String p : parts) {
      ip = ip << 8 | Integer.parseInt(p);
    }
    int bits = Integer.parseInt(subnet.substring(subnet.indexOf('/') + 1));
    long mask = bits == 0 ? 0 : 0xffffffffL << (32 - bits) & 0xffffffffL;
    long host = (ip & mask) + 1;
    return (host >> 24 & 255)
        + "."
        + (host >> 16 & 255)
        + "."
        + (host >> 8 & 255)
        + "."
        + (host & 255);
  }

  static NetworkInfo network(Network n) {
    List<IpamConfig> ipam = new ArrayList<>();
    if (n.getIpam() != null && n.getIpam().getConfig() != null) {
      for (Network.Ipam.Config c : n.getIpam().getConfig()) {
        ipam.add(new IpamConfig(c.getSubnet(), c.getGateway(), c.getIpRange()));
      }
    }
    if (!ipam.isEmpty() && (ipam.get(0).gateway() == null || ipam.get(0).gateway().isEmpty())) {
      // dockerd leaves the default bridge's gateway out of IPAM; its IPAM gives the subnet's .1
      IpamConfig first = ipam.get(0);
      ipam.set(0, new IpamConfig(first.subnet(), firstHost(first.subnet()), first.ipRange()));
    }
    List<Endpoint> eps = new ArrayList<>();
    String gw = ipam.isEmpty() ? "" : ipam.get(0).gateway();
    if (n.getContainers() != null) {
      for (Map.Entry<String, Network.ContainerNetworkConfig> e : n.getContainers().entrySet()) {
        var c = e.getValue();
        String cidr = c.getIpv4Address() == null ? "" : c.getIpv4Address();
        int slash = cidr.indexOf('/');
        eps.add(
            new Endpoint(
                n.getName(),
                n.getId(),
                e.getKey(),
                c.getName(),
                c.getEndpointId(),
                slash < 0 ? cidr : cidr.substring(0, slash),
                slash < 0 ? 0 : Integer.parseInt(cidr.substring(slash + 1)),
                gw,
                c.getMacAddress(),
                List.of()));
      }
    }
    eps.sort(
        (a, b) -> String.valueOf(a.containerName()).compareTo(String.valueOf(b.containerName())));
    return new NetworkInfo(
        n.getId(),
        n.getName(),
        n.getDriver(),
        n.getScope(),
        Boolean.TRUE.equals(n.getInternal()),
        ipam,
        n.getOptions() == null ? Map.of() : new HashMap<>(n.getOptions()),
        n.getLabels() == null ? Map.of() : new HashMap<>(n.getLabels()),
        eps,
        n.getCreated() == null ? null : n.getCreated().toInstant());
  }
}
