package netbook.doctor;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import netbook.engine.ContainerInfo;
import netbook.engine.PortBinding;

/**
 * Whether the host ports the chapters publish are free: each is bound for a moment on the address
 * the chapter uses (every address when it names none) and closed at once. A port in use is a
 * problem naming the chapter and, when a container publishes it, that container.
 */
public final class PortCheck {
  /** Says why a port is taken, or empty when it is free. */
  @FunctionalInterface
  public interface Probe {
    Optional<String> busy(String address, int port);
  }

  private PortCheck() {}

  public static List<Finding> check(
      ChapterNeeds needs, Probe probe, List<ContainerInfo> containers) {
    List<Finding> out = new ArrayList<>();
    Map<ChapterNeeds.Port, String> ports = new TreeMap<>(needs.ports());
    List<String> free = new ArrayList<>();
    for (Map.Entry<ChapterNeeds.Port, String> e : ports.entrySet()) {
      ChapterNeeds.Port p = e.getKey();
      Optional<String> why = probe.busy(p.address(), p.port());
      if (why.isEmpty()) {
        free.add(p.toString());
        continue;
      }
      Optional<ContainerInfo> holder = publisher(containers, p.port());
      out.add(
          Finding.problem(
              "ports",
              p
                  + " ("
                  + e.getValue()
                  + ") is in use"
                  + holder.map(c -> ": container " + c.name() + " publishes it").orElse("")
                  + " ("
                  + why.get()
                  + ")",
              holder
                  .map(c -> "docker rm -f " + c.name() + " (if it is yours)")
                  .orElse("stop what listens there: ss -ltnp 'sport = :" + p.port() + "'")));
    }
    if (!free.isEmpty()) {
      out.add(0, Finding.ok("ports", String.join(", ", free) + " free"));
    }
    return out;
  }

  private static Optional<ContainerInfo> publisher(List<ContainerInfo> containers, int port) {
    return containers.stream()
        .filter(c -> c.ports().stream().map(PortBinding::hostPort).anyMatch(h -> h == port))
        .findFirst();
  }

  /**
   * The real probe: binds the port (on 0.0.0.0 for every address) and closes it. A port below the
   * unprivileged range cannot be bound without root (dockerd can): then it is free when nothing
   * answers on the loopback there.
   */
  public static Optional<String> bindTest(String address, int port) {
    String addr = address.isEmpty() ? "0.0.0.0" : address;
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(false);
      s.bind(new InetSocketAddress(InetAddress.getByName(addr), port));
      return Optional.empty();
    } catch (BindException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("ermission")) {
        return connectTest(port);
      }
      return Optional.of(m.replace(" (Bind failed)", "").toLowerCase());
    } catch (IOException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

  private static Optional<String> connectTest(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return Optional.of("something answers on 127.0.0.1:" + port);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
