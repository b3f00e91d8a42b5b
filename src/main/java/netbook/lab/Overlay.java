package netbook.lab;

import java.util.Arrays;

/**
 * An attachable overlay network of a {@link Swarm}: containers on different nodes reach each other
 * on it by name, over VXLAN between the nodes. {@code run(image, name("a"), on("node3"))} places a
 * container on a node (node1 without {@code on}).
 */
public final class Overlay {
  private final Swarm swarm;
  private final String name;

  Overlay(Swarm swarm, String name) {
    this.swarm = swarm;
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Runs a container on this overlay, on the node {@code on("nodeN")} names (node1 otherwise). */
  public Container run(String image, RunOption... options) {
    Node node =
        Arrays.stream(options)
            .filter(o -> o instanceof RunOption.On)
            .map(o -> swarm.node(((RunOption.On) o).node()))
            .findFirst()
            .orElse(swarm.manager());
    return node.place(name, image, options);
  }

  @Override
  public String toString() {
    return "overlay " + name + " across " + swarm.nodes().size() + " nodes";
  }
}
