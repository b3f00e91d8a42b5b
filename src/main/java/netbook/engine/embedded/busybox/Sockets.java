package netbook.engine.embedded.busybox;

import java.util.ArrayList;
import java.util.List;
import netbook.engine.PortBinding;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.DockerModel;
import netbook.engine.embedded.model.ImageRecord;
import netbook.engine.embedded.model.Namespaces;

/**
 * The listening sockets of a namespace, derived from what runs in it: the embedded DNS's (on
 * user-defined networks, at 127.0.0.11 on a port of its own), the web images' servers on port 80
 * (nginx on 0.0.0.0 and ::, busybox httpd on ::), {@code nc -l -p PORT} as the main command or
 * exec'd, and on the host the docker-proxy of each published port.
 */
final class Sockets {
  /** One listening socket: tcp or udp, tcp6 sockets have a local address of "::". */
  record Listener(String proto, String local, int port) {
    boolean ipv6() {
      return local.contains(":");
    }
  }

  private final DockerModel model;
  private final Namespaces namespaces;

  Sockets(DockerModel model, Namespaces namespaces) {
    this.model = model;
    this.namespaces = namespaces;
  }

  List<Listener> listening(ContainerState c) {
    List<Listener> out = new ArrayList<>();
    if (namespaces.hostMode(c)) {
      for (ContainerState x : model.containers()) {
        for (PortBinding b : x.running() ? x.boundPorts() : List.<PortBinding>of()) {
          String ip = b.hostIp() == null || b.hostIp().isEmpty() ? "0.0.0.0" : b.hostIp();
          out.add(new Listener(b.protocol(), ip, b.hostPort()));
          if (ip.equals("0.0.0.0")) {
            out.add(new Listener(b.protocol(), "::", b.hostPort()));
          }
        }
      }
      return out;
    }
    if (namespaces.embeddedDns(c)) {
      int port = 32768 + Math.floorMod(c.namespace().id().hashCode(), 28000);
      out.add(new Listener("tcp", Namespaces.EMBEDDED_DNS, port));
      out.add(new Listener("udp", Namespaces.EMBEDDED_DNS, port + 17));
    }
    for (ContainerState x : model.sharing(c.namespace())) {
      if (!x.running()) {
        continue;
      }
      if (serves(x)) {
        if (x.image().kind() == ImageRecord.Kind.NGINX) {
          out.add(new Listener("tcp", "0.0.0.0", 80));
        }
        out.add(new Listener("tcp", "::", 80));
      }
      int main = NcCommand.listenPort(x.command());
      if (main > 0) {
        out.add(new Listener("tcp", "::", main));
      }
      for (int port : x.listeners()) {
        out.add(new Listener("tcp", "::", port));
      }
    }
    return out;
  }

  /** Whether the container runs its web image's own server (nginx or busybox httpd on :80). */
  static boolean serves(ContainerState x) {
    return x.image().web() && x.cmd().equals(x.image().cmd()) && x.entrypoint() == null;
  }

  /** Whether something in the container's namespace accepts TCP connections on the port. */
  boolean accepts(ContainerState c, int port) {
    return listening(c).stream().anyMatch(l -> l.proto().equals("tcp") && l.port() == port);
  }
}
