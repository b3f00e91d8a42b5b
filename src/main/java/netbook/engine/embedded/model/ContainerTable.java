package netbook.engine.embedded.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The containers: lookups as Docker resolves them (full id, name, unique id prefix), and creation
 * with Docker's name rules, the image's defaults and the endpoint of the network mode.
 */
final class ContainerTable {
  private static final Pattern VALID_NAME = Pattern.compile("^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$");

  private final IdSource ids;
  private final Map<String, ContainerState> containers = new LinkedHashMap<>();

  ContainerTable(IdSource ids) {
    this.ids = ids;
  }

  Collection<ContainerState> all() {
    return Collections.unmodifiableCollection(containers.values());
  }

  int size() {
    return containers.size();
  }

  Optional<ContainerState> byId(String id) {
    return Optional.ofNullable(containers.get(id));
  }

  /** A container by full id, name or unique id prefix; empty when there is none. */
  Optional<ContainerState> find(String ref) {
    try {
      return Optional.of(container(ref));
    } catch (ApiException e) {
      return Optional.empty();
    }
  }

  /** A container by full id, name (with or without the leading slash), or unique id prefix. */
  ContainerState container(String ref) {
    ContainerState byId = containers.get(ref);
    if (byId != null) {
      return byId;
    }
    String name = ref.startsWith("/") ? ref.substring(1) : ref;
    for (ContainerState c : containers.values()) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    for (ContainerState c : containers.values()) {
      if (!ref.isEmpty() && c.id().startsWith(ref)) {
        return c;
      }
    }
    throw ApiException.noSuchContainer(ref);
  }

  /** The name, checked against Docker's rules and the names in use ("" when none was given). */
  String checkedName(String requested) {
    String name = requested;
    if (!name.isEmpty() && !VALID_NAME.matcher(name).matches()) {
      throw ApiException.badRequest(
          "Invalid container name (" + name + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
    name = name.startsWith("/") ? name.substring(1) : name;
    for (ContainerState other : containers.values()) {
      if (other.name().equals(name)) {
        throw ApiException.conflict(
            "Conflict. The container name \"/"
                + name
                + "\" is already in use by container \""
                + other.id()
                + "\". You have to remove (or rename) that container to be able to"
                + " reuse that name.");
      }
    }
    return name;
  }

  /** Renames a container with Docker's checks and error texts (POST /containers/{id}/rename). */
  void rename(ContainerState c, String requested) {
    if (requested == null || requested.isEmpty()) {
      throw ApiException.badRequest("Neither old nor new names may be empty");
    }
    String slashed = requested.startsWith("/") ? requested : "/" + requested;
    if (slashed.equals("/" + c.name())) {
      throw ApiException.badRequest("Renaming a container with the same name as its current name");
    }
    if (!VALID_NAME.matcher(slashed).matches()) {
      throw ApiException.badRequest(
          "Error when allocating new name: Invalid container name ("
              + slashed
              + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
    try {
      c.rename(checkedName(slashed));
    } catch (ApiException e) {
      throw ApiException.conflict("Error when allocating new name: " + e.getMessage());
    }
  }

  /** A generated adjective_surname name not in use. */
  String generatedName() {
    String name;
    do {
      name = ContainerNames.generate(ids);
    } while (nameTaken(name));
    return name;
  }

  private boolean nameTaken(String name) {
    return containers.values().stream().anyMatch(c -> c.name().equals(name));
  }

  /** The image's defaults and the network mode filled into a request's configuration. */
  static ContainerConfig resolve(
      ContainerConfig r, ImageRecord image, String id, String mode, String hostName) {
    List<String> cmd = r.cmd() != null ? r.cmd() : r.entrypoint() != null ? List.of() : image.cmd();
    List<String> env = new ArrayList<>(image.env());
    env.addAll(r.env() == null ? List.of() : r.env());
    String hostname =
        r.hostname() == null || r.hostname().isEmpty() ? id.substring(0, 12) : r.hostname();
    if (mode.equals("host") || mode.startsWith("container:")) {
      hostname = hostName; // the host's, or the namespace owner's
    }
    java.util.TreeSet<String> exposed = new java.util.TreeSet<>();
    if (image.web()) {
      exposed.add("80/tcp");
    }
    for (String e : r.exposedPorts() == null ? List.<String>of() : r.exposedPorts()) {
      exposed.add(e.contains("/") ? e : e + "/tcp");
    }
    if (r.portBindings() != null) {
      r.portBindings().forEach(p -> exposed.add(p.containerPort() + "/" + p.protocol()));
    }
    return r.toBuilder()
        .image(image)
        .exposedPorts(List.copyOf(exposed))
        .extraHosts(r.extraHosts() == null ? List.of() : r.extraHosts())
        .links(r.links() == null ? List.of() : r.links())
        .dnsSearch(r.dnsSearch() == null ? List.of() : r.dnsSearch())
        .dnsOptions(r.dnsOptions() == null ? List.of() : r.dnsOptions())
        .cmd(cmd)
        .env(env)
        .labels(r.labels() == null ? Map.of() : r.labels())
        .hostname(hostname)
        .domainname(r.domainname() == null ? "" : r.domainname())
        .networkMode(mode)
        .portBindings(r.portBindings() == null ? List.of() : r.portBindings())
        .dns(r.dns() == null ? List.of() : r.dns())
        .build();
  }

  /** A stand-in process on the engine's host, to run commands in the host's namespace. */
  static ContainerState hostShell(String hostName, Instant bootTime) {
    ImageRecord none =
        new ImageRecord(
            "host",
            "latest",
            "sha256:" + "0".repeat(64),
            bootTime,
            new ImageRecord.Contents(0, List.of("sh"), List.of(), ImageRecord.Kind.TOOLBOX));
    ContainerConfig config =
        ContainerConfig.builder("host")
            .image(none)
            .cmd(List.of("sh"))
            .env(List.of())
            .labels(Map.of())
            .hostname(hostName)
            .domainname("")
            .networkMode("host")
            .portBindings(List.of())
            .dns(List.of())
            .exposedPorts(List.of())
            .extraHosts(List.of())
            .links(List.of())
            .dnsSearch(List.of())
            .dnsOptions(List.of())
            .build();
    return new ContainerState("0".repeat(64), hostName, bootTime, config).markRunning();
  }

  void add(ContainerState c) {
    containers.put(c.id(), c);
  }

  void remove(ContainerState c) {
    containers.remove(c.id());
  }

  /** Every container whose network namespace is {@code ns}: itself and container:ID joiners. */
  List<ContainerState> sharing(ContainerState ns) {
    return containers.values().stream().filter(c -> c.namespace() == ns).toList();
  }
}
