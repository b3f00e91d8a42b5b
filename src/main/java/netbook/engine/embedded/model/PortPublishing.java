package netbook.engine.embedded.model;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import netbook.engine.PortBinding;

/**
 * What a starting container publishes, as dockerd does: its -p bindings and, with -P, every exposed
 * port on an ephemeral host port (from 32768, Linux's ip_local_port_range, where dockerd's port
 * allocator starts); nothing in the host, none and container:ID modes, nor on an --internal
 * network. A host port is taken per protocol and address: tcp and udp may share one, the same one
 * twice is "port is already allocated", and (when ports are really served) one another process
 * holds is the userland proxy's "address already in use".
 */
final class PortPublishing {
  static final int EPHEMERAL_FIRST = 32768;
  static final int EPHEMERAL_LAST = 60999;

  private final WebPublisher web;
  private final boolean probeHost;
  private final NetworkTable networks;
  private final Supplier<Collection<ContainerState>> containers;
  private int nextEphemeral = EPHEMERAL_FIRST;

  PortPublishing(
      WebPublisher web,
      boolean probeHost,
      NetworkTable networks,
      Supplier<Collection<ContainerState>> containers) {
    this.web = web;
    this.probeHost = probeHost;
    this.networks = networks;
    this.containers = containers;
  }

  /**
   * Whether the container's ports reach the host at all (not host/none/container:, not internal).
   */
  boolean publishes(ContainerState c) {
    String mode = c.config().networkMode();
    if (mode.equals("host") || mode.equals("none") || mode.startsWith("container:")) {
      return false;
    }
    NetworkState n = networks.find(mode.equals("default") ? "bridge" : mode).orElse(null);
    return n != null && !n.internal();
  }

  /** The bindings a start asks for: -p ones, then -P's for exposed ports without one. */
  static List<PortBinding> requested(ContainerState c) {
    List<PortBinding> out = new ArrayList<>(c.portBindings());
    if (c.config().publishAll()) {
      for (String exposed : c.config().exposedPorts()) {
        String[] pp = exposed.split("/", 2);
        int port = Integer.parseInt(pp[0]);
        boolean bound =
            out.stream().anyMatch(b -> b.containerPort() == port && b.protocol().equals(pp[1]));
        if (!bound) {
          out.add(new PortBinding("", 0, port, pp[1]));
        }
      }
    }
    return out;
  }

  /** Binds the container's published ports (recorded on it), or fails with dockerd's error. */
  void publish(ContainerState c, EndpointState endpoint) {
    if (!publishes(c)) {
      return;
    }
    List<PortBinding> bound = new ArrayList<>();
    try {
      for (PortBinding p : requested(c)) {
        int port = p.hostPort();
        if (port > 0 && taken(p, port, bound)) {
          throw failure(
              c,
              endpoint,
              "Bind for "
                  + (p.hostIp().isEmpty() ? "0.0.0.0" : p.hostIp())
                  + ":"
                  + port
                  + " failed: port is already allocated");
        }
        if (port == 0) {
          port = ephemeral(p, bound);
        } else if (!web.serves(c, p) && probeHost && heldElsewhere(p.protocol(), port)) {
          throw failure(c, endpoint, proxyError(p.protocol(), port));
        }
        if (web.serves(c, p)) {
          int actual = web.serve(c, port);
          if (actual < 0) {
            throw failure(c, endpoint, proxyError(p.protocol(), port));
          }
          port = actual;
        }
        PortBinding b = new PortBinding(p.hostIp(), port, p.containerPort(), p.protocol());
        bound.add(b);
        c.bind(b);
      }
    } catch (ApiException e) {
      web.unpublish(c);
      c.clearBoundPorts();
      throw e;
    }
  }

  private static String proxyError(String proto, int port) {
    return "Error starting userland proxy: listen "
        + proto
        + "4 0.0.0.0:"
        + port
        + ": bind: address already in use";
  }

  private static ApiException failure(ContainerState c, EndpointState e, String why) {
    String endpointId = e == null || e.endpointId().isEmpty() ? c.id() : e.endpointId();
    return ApiException.serverError(
        "driver failed programming external connectivity on endpoint "
            + c.name()
            + " ("
            + endpointId
            + "): "
            + why);
  }

  private boolean taken(PortBinding p, int port, List<PortBinding> alsoBound) {
    List<PortBinding> all = new ArrayList<>(alsoBound);
    for (ContainerState other : containers.get()) {
      if (other.running()) {
        all.addAll(other.boundPorts());
      }
    }
    return all.stream()
        .anyMatch(
            b ->
                b.hostPort() == port
                    && b.protocol().equals(p.protocol())
                    && (b.hostIp().isEmpty()
                        || p.hostIp().isEmpty()
                        || b.hostIp().equals(p.hostIp())));
  }

  private int ephemeral(PortBinding p, List<PortBinding> alsoBound) {
    for (int tries = 0; tries <= EPHEMERAL_LAST - EPHEMERAL_FIRST; tries++) {
      int port = nextEphemeral;
      nextEphemeral = port == EPHEMERAL_LAST ? EPHEMERAL_FIRST : port + 1;
      if (!taken(p, port, alsoBound) && !(probeHost && heldElsewhere(p.protocol(), port))) {
        return port;
      }
    }
    throw ApiException.serverError(
        "Bind for 0.0.0.0:0 failed: all ports are allocated in the range "
            + EPHEMERAL_FIRST
            + "-"
            + EPHEMERAL_LAST);
  }

  /** Whether another process holds the port (tried on loopback only, and released at once). */
  private static boolean heldElsewhere(String proto, int port) {
    InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    try {
      if (proto.equals("udp")) {
        try (DatagramSocket s = new DatagramSocket(at)) {
          return !s.isBound();
        }
      }
      try (ServerSocket s = new ServerSocket()) {
        s.setReuseAddress(true);
        s.bind(at);
        return !s.isBound();
      }
    } catch (IOException e) {
      // a port below 1024 without the right to bind it is not "held"
      return e.getMessage() != null && e.getMessage().contains("in use");
    }
  }
}
