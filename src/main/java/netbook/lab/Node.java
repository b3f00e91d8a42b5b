package netbook.lab;

import java.time.Duration;
import java.util.List;
import netbook.engine.ContainerInfo;
import netbook.engine.Engine;
import netbook.engine.ExecResult;
import netbook.engine.NetworkInfo;

/**
 * One Docker node of a {@link Swarm}: a container on the session's engine running a dockerd of its
 * own, reached at a loopback port. Containers run on it with {@link #run} (on its default bridge)
 * or with {@code on("node2")} on an overlay; {@link #sh} runs a line in the node itself.
 */
public final class Node {
  private final Session host;
  private final String name;
  private final String containerId;
  private final String ip;
  private final Engine engine;
  private final Session session;

  Node(Session host, String name, String containerId, String ip, Engine engine, Session session) {
    this.host = host;
    this.name = name;
    this.containerId = containerId;
    this.ip = ip;
    this.engine = engine;
    this.session = session;
  }

  public String name() {
    return name;
  }

  /**
   * The node's address on the swarm's bridge (where Swarm's control and VXLAN traffic go); for an
   * existing machine, the Docker host it was given as.
   */
  public String ip() {
    return ip;
  }

  Engine engine() {
    return engine;
  }

  /** The node's own session: its engine, with this session's labels (the console's -H). */
  public Session session() {
    return session;
  }

  /** Runs a container on this node's default bridge, as {@code docker -H node run}. */
  public Container run(String image, RunOption... options) {
    return place("", image, options);
  }

  /** Runs a container on this node, on {@code network} ("" for its default bridge). */
  Container place(String network, String image, RunOption... options) {
    copyImage(host.resolveImage(image));
    // and the network-tools helper its containers may need (the real ubuntu has no ping): a node
    // never pulls, and its own pull of busybox would go past the host's registry mirror
    copyImage(host.images().helper());
    return Lab.runOn(session, network, image, options); // (the node resolves it as the host did)
  }

  /**
   * Puts an image (a resolved ref) into the node, as {@code docker save REF | docker -H node load}:
   * a node never pulls. Nothing to do when it is there.
   */
  void copyImage(String ref) {
    if (engine.findImage(ref).isEmpty()) {
      host.engine().copyImage(ref, engine, Duration.ofMinutes(5));
    }
  }

  /** Runs a shell line in the node itself (its {@code docker}, {@code ip}, {@code ping}). */
  public ExecResult sh(String line) {
    if (containerId.isEmpty()) {
      throw new netbook.NetbookException(
          name + " is a machine netbook did not make (" + ip + "): run its commands over ssh");
    }
    return host.engine().exec(containerId, List.of("sh", "-c", line), host.execTimeout());
  }

  /** The node's networks, as {@code docker -H node network ls} lists them. */
  public List<String> networks() {
    return engine.networks().stream().map(NetworkInfo::name).sorted().toList();
  }

  /** The containers on the node, as {@code docker -H node ps} lists them. */
  public List<String> containers() {
    return engine.containers(false).stream().map(ContainerInfo::name).sorted().toList();
  }

  @Override
  public String toString() {
    return "node " + name + " (" + ip + ")";
  }
}
