package netbook.lab;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import netbook.NetbookException;
import netbook.engine.ContainerInfo;
import netbook.engine.NetworkInfo;

/**
 * The one ownership rule, below the Java API, the docker console and the notebooks alike: netbook
 * reads anything (inspect, logs, ping from its own containers), but changes only what this session
 * created (exec, sh, ping from, attach, start, stop, kill, rm, connect, disconnect, run on a
 * network). A resource the user adopts explicitly ({@code container("x").adopt()}, {@code
 * adoptNet("y")}, {@code docker … --adopt}) may be changed too for the rest of the session;
 * adopting never makes it netbook's to clean up: cleanup still removes only what carries this
 * session's label. Docker's own networks (bridge, host, none) may be joined and left, never
 * removed.
 */
public final class Ownership {
  private final Session session;
  private final Set<String> adopted = ConcurrentHashMap.newKeySet();

  Ownership(Session session) {
    this.session = session;
  }

  /** Whether this session may change the container (it made it, or the user adopted it). */
  public boolean mayChange(ContainerInfo c) {
    return session.owns(c.labels()) || adopted.contains(c.id());
  }

  /** Whether this session may change the network (made or adopted), or join/leave it (default). */
  public boolean mayChange(NetworkInfo n, boolean membershipOnly) {
    return session.owns(n.labels())
        || adopted.contains(n.id())
        || (membershipOnly && n.isDefault());
  }

  /**
   * The user's explicit permission to change a resource netbook did not create; never one of
   * another running netbook session (refused in one line naming it).
   */
  public void adopt(ContainerInfo c) {
    refuseIfLive(session.other(c.labels(), c.created()), "container", c.name());
    adopted.add(c.id());
  }

  public void adopt(NetworkInfo n) {
    if (n.isDefault()) {
      return; // Docker's own: joined and left by anyone, removed by no one
    }
    refuseIfLive(session.other(n.labels(), n.created()), "network", n.name());
    adopted.add(n.id());
  }

  private static void refuseIfLive(Optional<OtherSession> other, String kind, String name) {
    if (other.isPresent() && other.get().live()) {
      throw new Refused(other.get().refuse(kind, name, "adopt"));
    }
  }

  /**
   * The container, if this session may {@code action} it ("stop", "run commands in"); otherwise the
   * one-line refusal in {@code dialect}'s words, naming how to allow it. {@code ref} is the name
   * the caller used.
   */
  public ContainerInfo requireContainer(
      ContainerInfo c, String ref, String action, Dialect dialect) {
    if (mayChange(c)) {
      return c;
    }
    Optional<OtherSession> other = session.other(c.labels(), c.created());
    if (other.isPresent()) {
      throw new Refused(other.get().refuse("container", ref, action));
    }
    if (dialect == Dialect.CLI) {
      throw new Refused(
          "refusing to "
              + action
              + " "
              + ref
              + ": that container was not created by this netbook session (netbook only reads"
              + " it: inspect, logs); to "
              + action
              + " it anyway, add --adopt to the command");
    }
    throw new Refused(
        "container "
            + ref
            + " was not created by this netbook session: netbook only reads it (inspect, logs,"
            + " ping from your own containers); to "
            + action
            + " it anyway, adopt it first: container(\""
            + ref
            + "\").adopt()");
  }

  /**
   * The network, if this session may {@code action} it: remove it ({@code membershipOnly} false),
   * or join or leave it ({@code membershipOnly} true: Docker's own networks are fine then).
   */
  public NetworkInfo requireNetwork(
      NetworkInfo n, String ref, String action, boolean membershipOnly, Dialect dialect) {
    if (mayChange(n, membershipOnly)) {
      return n;
    }
    Optional<OtherSession> other = session.other(n.labels(), n.created());
    if (other.isPresent()) {
      throw new Refused(other.get().refuse("network", ref, action));
    }
    if (n.isDefault()) {
      throw new Refused(
          (dialect == Dialect.CLI
                  ? "refusing to " + action + " network "
                  : "cannot " + action + " network ")
              + ref
              + ": it is one of Docker's own networks");
    }
    if (dialect == Dialect.CLI) {
      throw new Refused(
          "refusing to "
              + action
              + " network "
              + ref
              + ": it was not created by this netbook session (netbook only reads it: inspect,"
              + " ls); to "
              + action
              + " it anyway, add --adopt to the command");
    }
    throw new Refused(
        "network "
            + ref
            + " was not created by this netbook session: netbook only reads it (inspect); to "
            + action
            + " it anyway, adopt it first: adoptNet(\""
            + ref
            + "\")");
  }

  /** A change netbook will not make to something it did not create (one line, no stack). */
  public static final class Refused extends NetbookException {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message);
    }
  }
}
