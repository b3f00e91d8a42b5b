package netbook.engine.embedded.busybox;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import netbook.engine.embedded.model.ContainerState;
import netbook.engine.embedded.model.DockerModel;
import netbook.engine.embedded.model.Ipv4;
import netbook.engine.embedded.model.Ipv6;
import netbook.engine.embedded.model.Ipv6Paths;
import netbook.engine.embedded.model.Namespaces;
import netbook.engine.embedded.model.NetworkPaths;

/**
 * busybox {@code ping [-c N] [-w S] [-W S] [-s SIZE] [-q] HOST}: replies with made-up but plausible
 * times when the target is reachable over a shared network, 100% packet loss when it is not, and
 * {@code bad address} when the name does not resolve. Without -c or -w it stops after 4 pings.
 */
final class PingCommand {
  static final String USAGE =
      """
      BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

      Usage: ping [OPTIONS] HOST

      Send ICMP ECHO_REQUESTs to HOST

      \t-4,-6\t\tForce IP or IPv6 name resolution
      \t-c CNT\t\tSend only CNT pings
      \t-s SIZE\t\tSend SIZE data bytes in packets (default 56)
      \t-i SECS\t\tInterval
      \t-A\t\tPing as soon as reply is received
      \t-t TTL\t\tSet TTL
      \t-I IFACE/IP\tSource interface or IP address
      \t-W SEC\t\tSeconds to wait for the first response (default 10)
      \t\t\t(after all -c CNT packets are sent)
      \t-w SEC\t\tSeconds until ping exits (default:infinite)
      \t\t\t(can exit earlier with -c CNT)
      \t-q\t\tQuiet, only display output at start/finish
      \t-p HEXBYTE\tPayload pattern
      """;

  private final DockerModel model;
  private final NetworkPaths paths;
  private final Ipv6Paths ipv6;

  PingCommand(DockerModel model, Namespaces namespaces, NetworkPaths paths) {
    this.model = model;
    this.paths = paths;
    this.ipv6 = new Ipv6Paths(model, namespaces);
  }

  ShellResult run(ContainerState c, List<String> args) {
    int count = -1;
    int deadline = -1;
    int size = 56;
    boolean quiet = false;
    String family = "";
    String target = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("-") && a.length() > 1) {
        char opt = a.charAt(1);
        if ("cwWsitIp".indexOf(opt) >= 0) {
          String value = a.length() > 2 ? a.substring(2) : i + 1 < args.size() ? args.get(++i) : "";
          int n = Busybox.parseInt(value, -1);
          if (n < 0 && opt != 'I' && opt != 'p' && opt != 'i') {
            return ShellResult.fail("ping: invalid number '" + value + "'\n", 1);
          }
          switch (opt) {
            case 'c' -> count = n;
            case 'w' -> deadline = n;
            case 's' -> size = n;
            default -> {}
          }
        } else if (opt == 'q') {
          quiet = true;
        } else if (opt == '4' || opt == '6') {
          family = String.valueOf(opt);
        }
      } else {
        target = a;
      }
    }
    if (target == null) {
      return ShellResult.fail(USAGE, 1);
    }
    String program = family.equals("6") && args.get(0).equals("-6") ? "ping6" : "ping";
    Target t = target(c, target, family);
    if (t == null) {
      return ShellResult.fail(program + ": bad address '" + target + "'\n", 1);
    }
    String ip = t.ip();
    int packets = count > 0 ? count : deadline > 0 ? deadline : 4;
    StringBuilder out = new StringBuilder();
    out.append("PING ")
        .append(target)
        .append(" (")
        .append(ip)
        .append("): ")
        .append(size)
        .append(" data bytes\n");
    if (!t.routable()) {
      return new ShellResult(out.toString(), program + ": sendto: " + t.unroutable() + "\n", 1);
    }
    t.send().run();
    boolean reached = t.reached();
    List<Integer> times = new ArrayList<>();
    if (reached) {
      for (int seq = 0; seq < packets; seq++) {
        int micros = seq == 0 ? model.ids().between(90, 900) : model.ids().between(50, 200);
        times.add(micros);
        if (!quiet) {
          out.append(size + 8)
              .append(" bytes from ")
              .append(ip)
              .append(": seq=")
              .append(seq)
              .append(" ttl=64 time=")
              .append(millis(micros))
              .append(" ms\n");
        }
      }
      t.count().accept(packets * 2, size + 42);
    }
    out.append("\n--- ").append(target).append(" ping statistics ---\n");
    out.append(packets)
        .append(" packets transmitted, ")
        .append(times.size())
        .append(" packets received, ")
        .append(reached ? 0 : 100)
        .append("% packet loss\n");
    if (!reached) {
      return new ShellResult(out.toString(), "", 1);
    }
    int min = times.stream().mapToInt(Integer::intValue).min().orElse(0);
    int max = times.stream().mapToInt(Integer::intValue).max().orElse(0);
    int avg = times.stream().mapToInt(Integer::intValue).sum() / times.size();
    out.append("round-trip min/avg/max = ")
        .append(millis(min))
        .append('/')
        .append(millis(avg))
        .append('/')
        .append(millis(max))
        .append(" ms\n");
    return ShellResult.ok(out.toString());
  }

  /** Where the pings go: the address printed, whether it is routable and answers, and hooks. */
  private record Target(
      String ip,
      boolean routable,
      String unroutable,
      boolean reached,
      Runnable send,
      java.util.function.BiConsumer<Integer, Integer> count) {}

  /**
   * The target as busybox's getaddrinfo picks it: IPv6 first when the name has an IPv6 address the
   * container can use (as on a network created with --ipv6), else IPv4; null when none.
   */
  private Target target(ContainerState c, String name, String family) {
    List<BigInteger> v6 = family.equals("4") ? List.of() : ipv6.resolve(c, name);
    boolean useV6 = !v6.isEmpty() && (family.equals("6") || ipv6.enabled(c));
    if (useV6) {
      BigInteger a = v6.get(0);
      boolean enabled = ipv6.enabled(c);
      return new Target(
          Ipv6.format(a),
          enabled,
          "Cannot assign requested address",
          ipv6.reaches(c, a),
          () -> ipv6.learn(c, a),
          (n, size) -> ipv6.count(c, a, n, size + 20));
    }
    if (family.equals("6")) {
      return null;
    }
    List<Integer> addresses = paths.resolve(c, name);
    if (addresses.isEmpty()) {
      return null;
    }
    int a = addresses.get(0);
    boolean routable = paths.routable(c, a);
    return new Target(
        Ipv4.format(a),
        routable,
        "Network is unreachable",
        routable && paths.reaches(c, a),
        () -> paths.learn(c, a),
        (n, size) -> paths.count(c, a, n, size));
  }

  private static String millis(int micros) {
    return micros / 1000 + "." + String.format("%03d", micros % 1000);
  }
}
