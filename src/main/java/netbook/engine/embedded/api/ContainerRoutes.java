package netbook.engine.embedded.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import netbook.engine.IpLiteral;
import netbook.engine.PortBinding;
import netbook.engine.embedded.busybox.Busybox;
import netbook.engine.embedded.model.ApiException;
import netbook.engine.embedded.model.ContainerConfig;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.CreateRequest;
import netbook.engine.embedded.model.DockerModel;
import netbook.engine.embedded.model.EndpointSpec;
import netbook.engine.embedded.model.ExecSpec;
import netbook.engine.embedded.model.ExecState;
import netbook.engine.embedded.model.NetworkState;

/**
 * /containers: create, start, stop, kill, restart, remove, list, inspect, logs, wait, resize, exec
 * (attach, followed logs and waits that wait are {@link LiveRoutes}' when served).
 */
final class ContainerRoutes {
  private final DockerModel model;
  private final ContainerJson json;

  ContainerRoutes(DockerModel model) {
    this.model = model;
    this.json = new ContainerJson(model);
  }

  ApiResponse route(ApiRequest req, List<String> seg) {
    String m = req.method();
    Map<String, String> q = req.query();
    if (seg.size() == 2 && seg.get(1).equals("json") && m.equals("GET")) {
      return list(truthy(q.get("all")), Filters.parse(q.get("filters")));
    }
    if (seg.size() == 2 && seg.get(1).equals("create") && m.equals("POST")) {
      return create(q.getOrDefault("name", ""), DockerJson.read(req.body()));
    }
    if (seg.size() == 2 && m.equals("DELETE")) {
      model.remove(model.container(seg.get(1)), truthy(q.get("force")));
      return ApiResponse.empty(204);
    }
    if (seg.size() != 3) {
      return null;
    }
    ContainerState c = model.container(seg.get(1));
    switch (m + " " + seg.get(2)) {
      case "GET json":
        return ApiResponse.json(200, DockerJson.write(json.inspect(c)));
      case "POST start":
        return ApiResponse.empty(model.start(c) ? 204 : 304);
      case "POST stop":
        if (!c.running()) {
          return ApiResponse.empty(304);
        }
        model.exit(c, stopCode(c));
        return ApiResponse.empty(204);
      case "POST kill":
        if (!c.running()) {
          throw ApiException.conflict(
              "Cannot kill container: " + seg.get(1) + ": Container " + c.id() + " is not running");
        }
        model.exit(c, 137);
        return ApiResponse.empty(204);
      case "POST restart":
        model.exit(c, stopCode(c));
        model.start(c);
        return ApiResponse.empty(204);
      case "GET logs":
        return logs(c, q);
      case "POST wait":
        return waitFor(c);
      case "POST resize":
        return ApiResponse.empty(200); // a modelled TTY has no size
      case "POST exec":
        return execCreate(c, DockerJson.read(req.body()));
      case "POST rename":
        model.rename(c, q.getOrDefault("name", ""));
        return ApiResponse.empty(204);
      default:
        return null;
    }
  }

  static boolean truthy(String v) {
    return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
  }

  /**
   * What the process dies of on docker stop: nginx exits 0 on SIGTERM, PID-1 shells and sleep
   * ignore it (137).
   */
  private static int stopCode(ContainerState c) {
    return c.image().web() && c.cmd().equals(c.image().cmd()) ? 0 : 137;
  }

  /**
   * One entry of HostConfig.PortBindings, refused as dockerd refuses it: a HostIp that is not an IP
   * address fails the request's decoding ("invalid JSON: ParseAddr(...)"), a HostPort that is not a
   * port (or range) from 0 to 65535 is an "invalid port specification". Never read as all
   * interfaces.
   */
  static PortBinding binding(JsonNode b, int containerPort, String proto) {
    String ip = DockerJson.text(b, "HostIp");
    if (!ip.isEmpty()) {
      IpLiteral.problem(ip)
          .ifPresent(
              reason -> {
                throw ApiException.badRequest(
                    "invalid JSON: " + IpLiteral.parseAddrError(ip, reason));
              });
    }
    String hostPort = DockerJson.text(b, "HostPort");
    int port = 0;
    if (!hostPort.isEmpty()) {
      String[] range = hostPort.split("-", 2);
      int start = portNumber(range[0]);
      int end = range.length > 1 ? portNumber(range[1]) : start;
      if (start < 0 || end < start) {
        throw ApiException.badRequest("invalid port specification: \"" + hostPort + "\"");
      }
      port = start; // a range: the model binds its first port
    }
    return new PortBinding(ip, port, containerPort, proto);
  }

  /** A port number from 0 to 65535 in decimal, or -1. */
  private static int portNumber(String s) {
    if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    int n = Integer.parseInt(s);
    return n > 65535 ? -1 : n;
  }

  private ApiResponse create(String name, JsonNode body) {
    JsonNode host = DockerJson.child(body, "HostConfig");
    List<PortBinding> ports = new ArrayList<>();
    DockerJson.child(host, "PortBindings")
        .properties()
        .forEach(
            e -> {
              String[] pp = e.getKey().split("/");
              int containerPort = Busybox.parseInt(pp[0], 0);
              String proto = pp.length > 1 ? pp[1] : "tcp";
              JsonNode list = e.getValue();
              if (list != null && list.isArray()) {
                for (JsonNode b : list) {
                  ports.add(binding(b, containerPort, proto));
                }
              }
            });
    String mode = DockerJson.text(host, "NetworkMode");
    JsonNode endpoints =
        DockerJson.child(DockerJson.child(body, "NetworkingConfig"), "EndpointsConfig");
    List<String> aliases = List.of();
    String ipv4 = "";
    if (endpoints.size() > 1) {
      throw ApiException.badRequest(
          "Container cannot be connected to network endpoints: "
              + String.join(", ", iterable(endpoints)));
    }
    for (Map.Entry<String, JsonNode> e : endpoints.properties()) {
      if (mode.isEmpty() || mode.equals("default")) {
        mode = e.getKey();
      }
      List<String> a = DockerJson.list(e.getValue(), "Aliases");
      aliases = a == null ? List.of() : a;
      ipv4 = DockerJson.text(DockerJson.child(e.getValue(), "IPAMConfig"), "IPv4Address");
    }
    ContainerConfig config =
        ContainerConfig.builder(DockerJson.text(body, "Image"))
            .entrypoint(DockerJson.list(body, "Entrypoint"))
            .cmd(DockerJson.list(body, "Cmd"))
            .env(DockerJson.list(body, "Env"))
            .labels(DockerJson.map(body, "Labels"))
            .hostname(DockerJson.text(body, "Hostname"))
            .domainname(DockerJson.text(body, "Domainname"))
            .tty(body.path("Tty").asBoolean(false))
            .openStdin(body.path("OpenStdin").asBoolean(false))
            .networkMode(mode)
            .portBindings(ports)
            .dns(DockerJson.list(host, "Dns"))
            .dnsSearch(DockerJson.list(host, "DnsSearch"))
            .dnsOptions(DockerJson.list(host, "DnsOptions"))
            .extraHosts(DockerJson.list(host, "ExtraHosts"))
            .links(DockerJson.list(host, "Links"))
            .exposedPorts(iterable(DockerJson.child(body, "ExposedPorts")))
            .publishAll(host.path("PublishAllPorts").asBoolean(false))
            .autoRemove(host.path("AutoRemove").asBoolean(false))
            .requestedHostConfig(host)
            .build();
    ContainerState c =
        model.createContainer(new CreateRequest(name, config, new EndpointSpec(aliases, ipv4)));
    ObjectNode out = DockerJson.object();
    out.put("Id", c.id());
    out.set("Warnings", DockerJson.strings(model.createWarnings(config)));
    return ApiResponse.json(201, DockerJson.write(out));
  }

  private static List<String> iterable(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.properties().forEach(e -> names.add(e.getKey()));
    return names;
  }

  private ApiResponse list(boolean all, Filters f) {
    f.accept(
        "ancestor",
        "before",
        "exited",
        "id",
        "isolation",
        "label",
        "name",
        "status",
        "health",
        "since",
        "volume",
        "network",
        "is-task",
        "publish",
        "expose");
    List<ContainerState> rows = new ArrayList<>(model.containers());
    Collections.reverse(rows);
    ArrayNode out = DockerJson.array();
    for (ContainerState c : rows) {
      boolean ok =
          (all || c.running() || !f.get("status").isEmpty())
              && f.labels(c.config().labels())
              && f.any("name", v -> c.name().contains(v.startsWith("/") ? v.substring(1) : v))
              && f.any("id", v -> c.id().startsWith(v))
              && f.any("status", v -> v.equals(c.status()))
              && f.any(
                  "network",
                  v ->
                      c.endpoints().keySet().stream()
                          .anyMatch(
                              id -> {
                                NetworkState n = model.networkById(id);
                                return n != null && (n.name().equals(v) || n.id().startsWith(v));
                              }));
      if (ok) {
        out.add(json.summary(c));
      }
    }
    return ApiResponse.json(200, DockerJson.write(out));
  }

  private ApiResponse logs(ContainerState c, Map<String, String> q) {
    boolean out = truthy(q.get("stdout"));
    boolean err = truthy(q.get("stderr"));
    if (!out && !err) {
      throw ApiException.badRequest("Bad parameters: you must choose at least one stream");
    }
    StreamFrames frames = new StreamFrames(c.tty());
    for (ContainerState.LogEntry e : c.logs()) {
      if (e.stream() == StreamFrames.STDOUT ? out : err) {
        frames.add(c.tty() ? StreamFrames.STDOUT : e.stream(), e.text());
      }
    }
    return new ApiResponse(200, ApiResponse.RAW_STREAM, frames.bytes(), Map.of());
  }

  private ApiResponse waitFor(ContainerState c) {
    if (c.running()) {
      throw ApiException.serverError(
          "the embedded engine cannot wait for a running container ("
              + c.name()
              + "): stop it first");
    }
    ObjectNode out = DockerJson.object();
    out.put("StatusCode", c.exitCode());
    out.putNull("Error");
    return ApiResponse.json(200, DockerJson.write(out));
  }

  private ApiResponse execCreate(ContainerState c, JsonNode body) {
    ExecState e =
        model.createExec(
            c,
            new ExecSpec(
                DockerJson.list(body, "Cmd"),
                body.path("Tty").asBoolean(false),
                body.path("AttachStdout").asBoolean(false),
                body.path("AttachStderr").asBoolean(false),
                body.path("AttachStdin").asBoolean(false)));
    ObjectNode out = DockerJson.object();
    out.put("Id", e.id());
    return ApiResponse.json(201, DockerJson.write(out));
  }
}
