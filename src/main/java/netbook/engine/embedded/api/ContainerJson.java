package netbook.engine.embedded.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netbook.engine.PortBinding;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.DockerModel;
import netbook.engine.embedded.model.EndpointState;
import netbook.engine.embedded.model.ImageCatalog;
import netbook.engine.embedded.model.Ipv4;
import netbook.engine.embedded.model.Ipv6;
import netbook.engine.embedded.model.NetworkState;

/** Containers as Docker's JSON: GET /containers/json and GET /containers/{id}/json. */
final class ContainerJson {
  private final DockerModel model;

  ContainerJson(DockerModel model) {
    this.model = model;
  }

  ObjectNode inspect(ContainerState c) {
    ObjectNode o = DockerJson.object();
    o.put("Id", c.id());
    o.put("Created", DockerJson.time(c.created()));
    List<String> command = c.command();
    o.put("Path", command.isEmpty() ? "" : command.get(0));
    o.set(
        "Args",
        DockerJson.strings(command.isEmpty() ? List.of() : command.subList(1, command.size())));
    ObjectNode state = o.putObject("State");
    state.put("Status", c.status());
    state.put("Running", c.running());
    state.put("Paused", false);
    state.put("Restarting", false);
    state.put("OOMKilled", false);
    state.put("Dead", false);
    state.put("Pid", c.pid());
    state.put("ExitCode", c.exitCode());
    state.put("Error", "");
    state.put("StartedAt", DockerJson.time(c.startedAt()));
    state.put("FinishedAt", DockerJson.time(c.finishedAt()));
    o.put("Image", c.image().id());
    String dir = "/var/lib/docker/containers/" + c.id();
    o.put("ResolvConfPath", dir + "/resolv.conf");
    o.put("HostnamePath", dir + "/hostname");
    o.put("HostsPath", dir + "/hosts");
    o.put("LogPath", dir + "/" + c.id() + "-json.log");
    o.put("Name", "/" + c.name());
    o.put("RestartCount", 0);
    o.put("Driver", "overlay2");
    o.put("Platform", "linux");
    o.put("MountLabel", "");
    o.put("ProcessLabel", "");
    o.put("AppArmorProfile", "");
    if (c.execIds().isEmpty()) {
      o.putNull("ExecIDs");
    } else {
      o.set("ExecIDs", DockerJson.strings(c.execIds()));
    }
    o.set("HostConfig", hostConfig(c));
    o.putArray("Mounts");
    o.set("Config", config(c));
    o.set("NetworkSettings", networkSettings(c));
    return o;
  }

  private ObjectNode hostConfig(ContainerState c) {
    ObjectNode h = DockerJson.object();
    h.putNull("Binds");
    h.put("ContainerIDFile", "");
    ObjectNode log = h.putObject("LogConfig");
    log.put("Type", "json-file");
    log.putObject("Config");
    h.put("NetworkMode", c.config().networkMode());
    if (c.portBindings().isEmpty()) {
      h.putNull("PortBindings");
    } else {
      ObjectNode bindings = h.putObject("PortBindings");
      for (PortBinding p : c.portBindings()) {
        String key = p.containerPort() + "/" + p.protocol();
        ArrayNode list = bindings.get(key) instanceof ArrayNode a ? a : bindings.putArray(key);
        ObjectNode b = list.addObject();
        b.put("HostIp", p.hostIp());
        b.put("HostPort", p.hostPort() == 0 ? "" : String.valueOf(p.hostPort()));
      }
    }
    ObjectNode restart = h.putObject("RestartPolicy");
    restart.put("Name", "");
    restart.put("MaximumRetryCount", 0);
    h.put("AutoRemove", c.config().autoRemove());
    h.put("VolumeDriver", "");
    h.putNull("VolumesFrom");
    h.putNull("CapAdd");
    h.putNull("CapDrop");
    h.put("CgroupnsMode", "host");
    if (c.config().dns().isEmpty()) {
      h.putNull("Dns");
    } else {
      h.set("Dns", DockerJson.strings(c.config().dns()));
    }
    h.putNull("DnsOptions");
    h.putNull("DnsSearch");
    h.putNull("ExtraHosts");
    h.putNull("GroupAdd");
    h.put("IpcMode", "private");
    h.put("Cgroup", "");
    h.putNull("Links");
    h.put("OomScoreAdj", 0);
    h.put("PidMode", "");
    h.put("Privileged", false);
    h.put("PublishAllPorts", false);
    h.put("ReadonlyRootfs", false);
    h.putNull("SecurityOpt");
    h.put("UTSMode", "");
    h.put("UsernsMode", "");
    h.put("ShmSize", 67108864);
    h.put("Runtime", "runc");
    h.putArray("ConsoleSize").add(0).add(0);
    h.put("Isolation", "");
    // Docker echoes what the client sent (the CLI sends [], {} and "no" where Go's zero is null)
    c.requestedHostConfig()
        .properties()
        .forEach(
            e -> {
              if (h.has(e.getKey()) && !e.getKey().equals("NetworkMode")) {
                h.set(e.getKey(), e.getValue());
              }
            });
    // dockerd keeps links in its own form, and on a user-defined network in the endpoint only
    List<String> links = model.hostConfigLinks(c);
    if (links.isEmpty()) {
      h.putNull("Links");
    } else {
      h.set("Links", DockerJson.strings(links));
    }
    return h;
  }

  private static Set<String> exposed(ContainerState c) {
    return new LinkedHashSet<>(c.config().exposedPorts());
  }

  private ObjectNode config(ContainerState c) {
    ObjectNode o = DockerJson.object();
    o.put("Hostname", c.config().hostname());
    o.put("Domainname", c.config().domainname());
    o.put("User", "");
    o.put("AttachStdin", false);
    o.put("AttachStdout", false);
    o.put("AttachStderr", false);
    Set<String> exposed = exposed(c);
    if (!exposed.isEmpty()) {
      ObjectNode e = o.putObject("ExposedPorts");
      exposed.forEach(e::putObject);
    }
    o.put("Tty", c.tty());
    o.put("OpenStdin", c.openStdin());
    o.put("StdinOnce", false);
    o.set("Env", DockerJson.strings(c.config().env()));
    o.set("Cmd", DockerJson.strings(c.cmd()));
    o.put("Image", c.config().imageRef());
    o.putNull("Volumes");
    o.put("WorkingDir", "");
    if (c.entrypoint() == null) {
      o.putNull("Entrypoint");
    } else {
      o.set("Entrypoint", DockerJson.strings(c.entrypoint()));
    }
    o.putNull("OnBuild");
    o.set("Labels", DockerJson.strings(c.config().labels()));
    return o;
  }

  private ObjectNode networkSettings(ContainerState c) {
    ObjectNode o = DockerJson.object();
    o.put("Bridge", "");
    String sandbox = c.running() ? ImageCatalog.sha256("sandbox" + c.id() + c.startedAt()) : "";
    o.put("SandboxID", sandbox);
    o.put("HairpinMode", false);
    o.put("LinkLocalIPv6Address", "");
    o.put("LinkLocalIPv6PrefixLen", 0);
    o.set("Ports", DockerJson.sorted(ports(c)));
    o.put(
        "SandboxKey", sandbox.isEmpty() ? "" : "/var/run/docker/netns/" + sandbox.substring(0, 12));
    o.putNull("SecondaryIPAddresses");
    o.putNull("SecondaryIPv6Addresses");
    EndpointState bridge = null;
    for (Map.Entry<String, EndpointState> e : c.endpoints().entrySet()) {
      NetworkState n = model.networkById(e.getKey());
      if (n != null && n.isDefaultBridge()) {
        bridge = e.getValue();
      }
    }
    boolean active = bridge != null && bridge.active();
    o.put("EndpointID", active ? bridge.endpointId() : "");
    o.put(
        "Gateway",
        active
            ? Ipv4.format(
                model.networks().stream()
                    .filter(NetworkState::isDefaultBridge)
                    .findFirst()
                    .orElseThrow()
                    .gateway())
            : "");
    o.put("GlobalIPv6Address", "");
    o.put("GlobalIPv6PrefixLen", 0);
    o.put("IPAddress", active ? bridge.ipv4() : "");
    o.put("IPPrefixLen", active ? DockerModel.DEFAULT_BRIDGE.prefix() : 0);
    o.put("IPv6Gateway", "");
    o.put("MacAddress", active ? bridge.mac() : "");
    o.set("Networks", networks(c));
    return o;
  }

  ObjectNode networks(ContainerState c) {
    ObjectNode nets = DockerJson.object();
    for (Map.Entry<String, EndpointState> e : c.endpoints().entrySet()) {
      NetworkState n = model.networkById(e.getKey());
      EndpointState ep = e.getValue();
      ObjectNode x = nets.putObject(n == null ? e.getKey() : n.name());
      if (ep.requestedIpv4().isEmpty()) {
        x.putNull("IPAMConfig");
      } else {
        x.putObject("IPAMConfig").put("IPv4Address", ep.requestedIpv4());
      }
      if (ep.links().isEmpty()) {
        x.putNull("Links");
      } else {
        x.set("Links", DockerJson.strings(ep.links()));
      }
      if (ep.aliases().isEmpty()) {
        x.putNull("Aliases");
      } else {
        x.set("Aliases", DockerJson.strings(ep.aliases()));
      }
      boolean withAddress = ep.active() && ep.address() != 0 && n != null;
      x.put("NetworkID", ep.active() && n != null ? n.id() : "");
      x.put("EndpointID", ep.endpointId());
      // an overlay's gateway address is the overlay bridge's, never a container's default route
      x.put("Gateway", withAddress && !n.isOverlay() ? Ipv4.format(n.gateway()) : "");
      x.put("IPAddress", withAddress ? ep.ipv4() : "");
      x.put("IPPrefixLen", withAddress ? n.subnet().prefix() : 0);
      boolean v6 = withAddress && ep.ipv6Address() != null;
      x.put("IPv6Gateway", v6 ? Ipv6.format(n.gateway6()) : "");
      x.put("GlobalIPv6Address", v6 ? ep.ipv6() : "");
      x.put("GlobalIPv6PrefixLen", v6 ? n.subnet6().prefix() : 0);
      x.put("MacAddress", ep.mac());
      x.putNull("DriverOpts");
    }
    return DockerJson.sorted(nets);
  }

  private ObjectNode ports(ContainerState c) {
    ObjectNode o = DockerJson.object();
    if (!c.running() || !model.publishes(c)) {
      return o;
    }
    for (String port : exposed(c)) {
      o.putNull(port);
    }
    for (PortBinding p : c.boundPorts()) {
      String key = p.containerPort() + "/" + p.protocol();
      ArrayNode list = o.get(key) instanceof ArrayNode a ? a : o.putArray(key);
      String ip = p.hostIp().isEmpty() ? "0.0.0.0" : p.hostIp();
      list.addObject().put("HostIp", ip).put("HostPort", String.valueOf(p.hostPort()));
      if (p.hostIp().isEmpty()) {
        list.addObject().put("HostIp", "::").put("HostPort", String.valueOf(p.hostPort()));
      }
    }
    return o;
  }

  /** One row of GET /containers/json. */
  ObjectNode summary(ContainerState c) {
    ObjectNode o = DockerJson.object();
    o.put("Id", c.id());
    o.putArray("Names").add("/" + c.name());
    o.put("Image", c.config().imageRef());
    o.put("ImageID", c.image().id());
    o.put("Command", String.join(" ", c.command()));
    o.put("Created", c.created().getEpochSecond());
    ArrayNode ports = o.putArray("Ports");
    if (c.running()) {
      for (PortBinding p : c.boundPorts()) {
        String ip = p.hostIp().isEmpty() ? "0.0.0.0" : p.hostIp();
        ports
            .addObject()
            .put("IP", ip)
            .put("PrivatePort", p.containerPort())
            .put("PublicPort", p.hostPort())
            .put("Type", p.protocol());
        if (p.hostIp().isEmpty()) {
          ports
              .addObject()
              .put("IP", "::")
              .put("PrivatePort", p.containerPort())
              .put("PublicPort", p.hostPort())
              .put("Type", p.protocol());
        }
      }
      if (model.publishes(c)) {
        for (String e : exposed(c)) {
          String[] pp = e.split("/", 2);
          int port = Integer.parseInt(pp[0]);
          boolean bound =
              c.boundPorts().stream()
                  .anyMatch(p -> p.containerPort() == port && p.protocol().equals(pp[1]));
          if (!bound) {
            ports.addObject().put("PrivatePort", port).put("Type", pp[1]);
          }
        }
      }
    }
    o.set("Labels", DockerJson.strings(c.config().labels()));
    o.put("State", c.status());
    o.put("Status", status(c, model.ids().peek()));
    o.putObject("HostConfig").put("NetworkMode", c.config().networkMode());
    o.putObject("NetworkSettings").set("Networks", networks(c));
    o.putArray("Mounts");
    return o;
  }

  /** The human status line of docker ps: Up 3 seconds, Exited (0) 2 minutes ago, Created. */
  static String status(ContainerState c, Instant now) {
    return switch (c.status()) {
      case "running" -> "Up " + human(Duration.between(c.startedAt(), now));
      case "exited" ->
          "Exited (" + c.exitCode() + ") " + human(Duration.between(c.finishedAt(), now)) + " ago";
      default -> "Created";
    };
  }

  /** Docker's units.HumanDuration. */
  static String human(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 1) {
      return "Less than a second";
    } else if (s == 1) {
      return "1 second";
    } else if (s < 60) {
      return s + " seconds";
    } else if (s / 60 == 1) {
      return "About a minute";
    } else if (s < 3600) {
      return s / 60 + " minutes";
    } else if (s / 3600 == 1) {
      return "About an hour";
    } else if (s < 48 * 3600) {
      return s / 3600 + " hours";
    } else if (s < 7 * 24 * 3600 * 2) {
      return s / (24 * 3600) + " days";
    }
    return s / (7 * 24 * 3600) + " weeks";
  }
}
