package netbook.console;

import java.util.List;
import java.util.Optional;
import netbook.engine.ContainerInfo;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.NetworkInfo;
import netbook.lab.Dialect;
import netbook.lab.Session;

/**
 * Finds the container or network a command names, as Docker does (exact name, full id, unique id
 * prefix), looking at this session's own resources first so that a short prefix like {@code ffa4}
 * means the container this session started, and guards every change through the session's one
 * ownership rule: only what this session created (or the user adopted with {@code --adopt}) is
 * changed.
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

  /**
   * The container, if this session may {@code verb} it (the shared rule, {@link
   * netbook.lab.Ownership}); {@code adopt} is the user's explicit {@code --adopt}.
   */
  ContainerInfo ownedContainer(String ref, String verb, boolean adopt) {
    ContainerInfo c = container(ref);
    if (adopt) {
      session.ownership().adopt(c);
    }
    return session.ownership().requireContainer(c, ref, verb, Dialect.CLI);
  }

  ContainerInfo ownedContainer(String ref, String verb) {
    return ownedContainer(ref, verb, false);
  }

  /**
   * The network, if this session may {@code verb} it: remove it, or only join or leave it ({@code
   * membershipOnly}: Docker's own networks are fine then).
   */
  NetworkInfo ownedNetwork(String ref, String verb, boolean membershipOnly, boolean adopt) {
    NetworkInfo n = network(ref);
    if (adopt) {
      session.ownership().adopt(n);
    }
    return session.ownership().requireNetwork(n, ref, verb, membershipOnly, Dialect.CLI);
  }

  static boolean isHex(String s) {
    return !s.isEmpty() && s.chars().allMatch(ch -> Character.digit(ch, 16) >= 0);
  }
}
