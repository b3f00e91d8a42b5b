package netbook.console;

import java.util.List;
import java.util.Optional;
import netbook.NetbookException;
import netbook.engine.ContainerInfo;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.NetworkInfo;
import netbook.lab.Session;

/**
 * Finds the container or network a command names, as Docker does (exact name, full id, unique id
 * prefix), looking at this session's own resources first so that a short prefix like {@code ffa4}
 * means the container this session started, and guards every change: only what this session created
 * is stopped, removed or reconnected.
 */
final class Targets {
  static final String HELPER_ROLE = "helper";

  private final Session session;

  Targets(Session session) {
    this.session = session;
  }

  Engine engine() {
    return session.engine();
  }

  /** This session's containers, helpers left out. */
  List<ContainerInfo> ownContainers(boolean all) {
    return engine().containers(all).stream()
        .filter(c -> session.owns(c.labels()))
        .filter(c -> !HELPER_ROLE.equals(c.labels().get(Session.LABEL_ROLE)))
        .toList();
  }

  List<NetworkInfo> ownNetworks() {
    return engine().networks().stream().filter(n -> session.owns(n.labels())).toList();
  }

  Optional<ContainerInfo> findContainer(String ref) {
    List<ContainerInfo> own = ownContainers(true);
    for (ContainerInfo c : own) {
      if (c.name().equals(ref) || c.id().equals(ref)) {
        return engine().findContainer(c.id());
      }
    }
    List<ContainerInfo> byPrefix = own.stream().filter(c -> c.id().startsWith(ref)).toList();
    if (byPrefix.size() == 1 && isHex(ref)) {
      return engine().findContainer(byPrefix.get(0).id());
    }
    return engine().findContainer(ref);
  }

  ContainerInfo container(String ref) {
    return findContainer(ref)
        .orElseThrow(() -> new EngineException(404, "No such container: " + ref));
  }

  Optional<NetworkInfo> findNetwork(String ref) {
    for (NetworkInfo n : ownNetworks()) {
      if (n.name().equals(ref) || n.id().equals(ref)) {
        return Optional.of(n);
      }
    }
    List<NetworkInfo> byPrefix =
        ownNetworks().stream().filter(n -> isHex(ref) && n.id().startsWith(ref)).toList();
    if (byPrefix.size() == 1) {
      return Optional.of(byPrefix.get(0));
    }
    return engine().findNetwork(ref);
  }

  NetworkInfo network(String ref) {
    return findNetwork(ref)
        .orElseThrow(() -> new EngineException(404, "network " + ref + " not found"));
  }

  /** The container, if this session created it; otherwise the one-line refusal. */
  ContainerInfo ownedContainer(String ref, String verb) {
    ContainerInfo c = container(ref);
    if (!session.owns(c.labels())) {
      throw new Refused(
          "refusing to "
              + verb
              + " "
              + ref
              + ": that container was not created by this netbook session (netbook leaves it"
              + " alone)");
    }
    return c;
  }

  NetworkInfo ownedNetwork(String ref, String verb) {
    NetworkInfo n = network(ref);
    if (!session.owns(n.labels())) {
      throw new Refused(
          "refusing to "
              + verb
              + " network "
              + ref
              + ": "
              + (n.isDefault()
                  ? "it is one of Docker's own networks"
                  : "it was not created by this netbook session (netbook leaves it alone)"));
    }
    return n;
  }

  static boolean isHex(String s) {
    return !s.isEmpty() && s.chars().allMatch(ch -> Character.digit(ch, 16) >= 0);
  }

  /** A change netbook will not make to something it did not create. */
  static final class Refused extends NetbookException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }
}
