package netbook.engine.embedded.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Legacy {@code --link} on the default bridge: resolved when the container is created (an unknown
 * target is a 400, so the CLI does not go pulling the image), checked when it starts (the target
 * must run, on the default bridge), and seen inside as an /etc/hosts line ("ip alias hostname
 * name") and Docker's ALIAS_PORT_… and ALIAS_ENV_… variables. On a user-defined network a link is
 * only a DNS alias of the endpoint, kept as the client sent it.
 */
final class Links {
  /** One resolved link: the target container's id and the alias it is known by. */
  record Link(String targetId, String alias) {}

  private Links() {}

  /** "name:alias" or "name" as Docker's opts.ParseLink reads them: {name, alias}. */
  static String[] parse(String text) {
    String t = text.startsWith("/") ? text.substring(1) : text;
    int colon = t.indexOf(':');
    if (t.isEmpty() || colon == 0 || colon == t.length() - 1) {
      throw ApiException.badRequest("bad format for links: " + text);
    }
    String name = colon < 0 ? t : t.substring(0, colon);
    String alias = colon < 0 ? t : t.substring(colon + 1);
    return new String[] {name, alias.startsWith("/") ? alias.substring(1) : alias};
  }

  /** The links of a container created on the default bridge, resolved against the containers. */
  static List<Link> resolve(List<String> requested, ContainerTable containers) {
    List<Link> out = new ArrayList<>();
    for (String l : requested == null ? List.<String>of() : requested) {
      String[] na = parse(l);
      ContainerState target;
      try {
        target = containers.container(na[0]);
      } catch (ApiException e) {
        throw ApiException.badRequest(
            "could not get container for " + na[0] + ": " + e.getMessage());
      }
      if (target.hostMode()) {
        throw ApiException.badRequest(CreateChecks.HOST_AND_LINKS);
      }
      out.add(new Link(target.namespace().id(), na[1]));
    }
    return out;
  }

  /** HostConfig.Links as dockerd stores them: "/target:/container/alias". */
  static List<String> hostConfigForm(ContainerState c, ContainerTable containers) {
    List<String> out = new ArrayList<>();
    for (Link l : c.links()) {
      String target = containers.byId(l.targetId()).map(ContainerState::name).orElse(l.targetId());
      out.add("/" + target + ":/" + c.name() + "/" + l.alias());
    }
    return out;
  }

  /** At start: every target runs and is on the default bridge, or Docker's error. */
  static void checkAtStart(ContainerState c, ContainerTable containers, NetworkTable networks) {
    NetworkState bridge = networks.network("bridge");
    for (Link l : c.links()) {
      ContainerState target = containers.byId(l.targetId()).orElse(null);
      String targetName = target == null ? l.targetId() : target.name();
      if (target == null || !target.running()) {
        throw ApiException.serverError(
            "Cannot link to a non running container: /"
                + targetName
                + " AS /"
                + c.name()
                + "/"
                + l.alias());
      }
      if (!target.endpoints().containsKey(bridge.id())) {
        throw ApiException.serverError(
            "Cannot link to /" + targetName + ", as it does not belong to the default network");
      }
    }
  }

  /** The /etc/hosts lines of the links: "ip\talias hostname [name]". */
  static List<String> hostsLines(ContainerState c, DockerModel model) {
    List<String> out = new ArrayList<>();
    NetworkState bridge = model.network("bridge");
    for (Link l : c.links()) {
      ContainerState target = model.containerById(l.targetId()).orElse(null);
      EndpointState e = target == null ? null : target.endpoints().get(bridge.id());
      if (e == null || !e.active() || e.address() == 0) {
        continue;
      }
      String names = l.alias() + " " + target.config().hostname();
      if (!l.alias().equals(target.name())) {
        names += " " + target.name();
      }
      out.add(e.ipv4() + "\t" + names);
    }
    return out;
  }

  /** The variables Docker puts in the environment of a container with links. */
  static List<String> env(ContainerState c, DockerModel model) {
    List<String> out = new ArrayList<>();
    NetworkState bridge = model.network("bridge");
    for (Link l : c.links()) {
      ContainerState target = model.containerById(l.targetId()).orElse(null);
      EndpointState e = target == null ? null : target.endpoints().get(bridge.id());
      if (e == null || !e.active() || e.address() == 0) {
        continue;
      }
      String prefix = l.alias().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
      out.add(prefix + "_NAME=/" + c.name() + "/" + l.alias());
      List<String[]> ports = new ArrayList<>();
      for (String p : target.config().exposedPorts()) {
        ports.add(p.split("/", 2));
      }
      ports.sort((a, b) -> Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0])));
      for (int i = 0; i < ports.size(); i++) {
        String port = ports.get(i)[0];
        String proto = ports.get(i)[1];
        String url = proto + "://" + e.ipv4() + ":" + port;
        if (i == 0) {
          out.add(prefix + "_PORT=" + url);
        }
        String p = prefix + "_PORT_" + port + "_" + proto.toUpperCase(Locale.ROOT);
        out.add(p + "=" + url);
        out.add(p + "_ADDR=" + e.ipv4());
        out.add(p + "_PORT=" + port);
        out.add(p + "_PROTO=" + proto);
      }
      for (String kv : target.config().env()) {
        int eq = kv.indexOf('=');
        if (eq > 0 && !kv.startsWith("HOME=") && !kv.startsWith("PATH=")) {
          out.add(prefix + "_ENV_" + kv.substring(0, eq) + "=" + kv.substring(eq + 1));
        }
      }
    }
    return out;
  }
}
