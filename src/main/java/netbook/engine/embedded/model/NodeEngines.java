package netbook.engine.embedded.model;

/**
 * The engines node containers run: a started container of the netbook/node image whose port 2375 is
 * published gets a Docker engine of its own (its dockerd), served on that loopback port until the
 * container stops.
 */
public interface NodeEngines {
  /** Serves the node's engine on 127.0.0.1:{@code port}; the port bound, or -1 when it is taken. */
  int serve(ContainerState node, int port);

  /** Stops the node's engine and everything in it. */
  void stop(String containerId);
}
