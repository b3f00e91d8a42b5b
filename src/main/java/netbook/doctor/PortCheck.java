package netbook.doctor;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  /**
   * A line for the free ports; a problem for each port a container publishes (remove it), and one
   * for the rest of the busy ports together (see who holds them).
   */
  public static List<Finding> check(
      ChapterNeeds needs, Probe probe, List<ContainerInfo> containers) {
    List<Finding> out = new ArrayList<>();
    Map<ChapterNeeds.Port, String> ports = new TreeMap<>(needs.ports());
    List<String> free = new ArrayList<>();
    Map<ChapterNeeds.Port, String> busy = new LinkedHashMap<>();
    for (Map.Entry<ChapterNeeds.Port, String> e : ports.entrySet()) {
      ChapterNeeds.Port p = e.getKey();
      Optional<String> why = probe.busy(p.address(), p.port());
      if (why.isEmpty()) {
        free.add(p.toString());
        continue;
      }
      Optional<ContainerInfo> holder = publisher(containers, p.port());
      if (holder.isEmpty()) {
        busy.put(p, e.getValue() + ": " + why.get());
        continue;
      }
      out.add(
          Finding.problem(
              "ports",
              p
                  + " ("
                  + e.getValue()
                  + ") is in use: container "
                  + holder.get().name()
                  + " publishes it",
              "docker rm -f " + holder.get().name() + " (if it is yours)"));
    }
    if (busy.size() == 1) {
      var e = busy.entrySet().iterator().next();
      out.add(
          Finding.problem(
              "ports",
              e.getKey() + " is in use (" + e.getValue() + ")",
              "stop what listens there: ss -ltnp 'sport = :" + e.getKey().port() + "'"));
    } else if (!busy.isEmpty()) {
      List<String> names = busy.keySet().stream().map(ChapterNeeds.Port::toString).toList();
      String chapters =
          String.join(
              ", ",
              busy.values().stream()
                  .map(w -> w.replaceFirst(":.*", "").replaceFirst("^([0-9]+)-.*", "$1"))
                  .distinct()
                  .toList());
      String alternatives =
          String.join(
              "|", busy.keySet().stream().map(p -> String.valueOf(p.port())).distinct().toList());
      out.add(
          Finding.problem(
              "ports",
              ranges(names) + " are in use (chapters " + chapters + ")",
              "stop what listens there: ss -ltnp | grep -E ':(" + alternatives + ") '"));
    }
    if (!free.isEmpty()) {
      out.add(0, Finding.ok("ports", ranges(free) + " free"));
    }
    return out;
  }

  /** "80, 18001-18002, 18081-18084": the ports' numbers, runs as ranges (addresses aside). */
  static String ranges(List<String> ports) {
    int[] p =
        ports.stream()
            .mapToInt(s -> Integer.parseInt(s.replaceFirst(".*:", "")))
            .sorted()
            .distinct()
            .toArray();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < p.length; i++) {
      int j = i;
      while (j + 1 < p.length && p[j + 1] == p[j] + 1) {
        j++;
      }
      sb.append(sb.length() == 0 ? "" : ", ").append(p[i]).append(j > i ? "-" + p[j] : "");
      i = j;
    }
    return sb.toString();
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
