package netbook.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netbook.NetbookException;
import netbook.engine.ContainerInfo;
import netbook.engine.Endpoint;
import netbook.engine.ExecResult;
import netbook.engine.IpLiteral;
import netbook.engine.PortBinding;

/**
 * The checks of an exercise, against the network as it is now (preloaded: {@code
 * expect(reachable("b", "a"), "put b on my_bridge")}). Each returns a {@link Check}; a failed one
 * says what was observed and why, in the lesson's terms. In a {@code {verify}} cell the cell fails
 * when one of its checks does ({@link Verification}).
 */
public final class Exercises {
  private static final Duration PROBE = Duration.ofSeconds(15);
  private static final int CONNECT_MS = 2000;

  private Exercises() {}

  /** {@code from} reaches {@code to} (a container's name or an address): one ping from inside. */
  public static Check reachable(String from, String to) {
    Session s = Lab.session();
    String claim = from + " reaches " + to;
    Optional<ContainerInfo> source = running(s, arg(from, "container"));
    if (source.isEmpty()) {
      return made(s, Check.fail(claim, why(s, from)));
    }
    PingResult ping = ping(s, source.get(), arg(to, "target"), 2);
    if (ping.ok()) {
      return made(s, Check.pass(claim, "reply from " + ping.address()));
    }
    return made(s, Check.fail(claim, unreachable(s, source.get(), to, ping)));
  }

  /** {@code a} cannot reach {@code c} at any of c's addresses. */
  public static Check isolated(String a, String c) {
    Session s = Lab.session();
    String claim = a + " is isolated from " + c;
    Optional<ContainerInfo> source = running(s, arg(a, "container"));
    Optional<ContainerInfo> target = find(s, arg(c, "container"));
    if (source.isEmpty() || target.isEmpty()) {
      return made(
          s, Check.fail(claim, source.isEmpty() ? why(s, a) : "there is no container " + c));
    }
    for (Endpoint e : target.get().endpoints()) {
      if (e.ipv4() == null || e.ipv4().isEmpty()) {
        continue;
      }
      if (ping(s, source.get(), e.ipv4(), 1).ok()) {
        return made(
            s,
            Check.fail(claim, a + " reaches " + c + " at " + e.ipv4() + " (" + e.network() + ")"));
      }
    }
    return made(s, Check.pass(claim, "no reply from any of " + c + "'s addresses"));
  }

  /** The name resolves inside the container (Docker's embedded DNS, /etc/hosts). */
  public static Check resolves(String in, String name) {
    Session s = Lab.session();
    String claim = in + " resolves " + name;
    Optional<ContainerInfo> c = running(s, arg(in, "container"));
    if (c.isEmpty()) {
      return made(s, Check.fail(claim, why(s, in)));
    }
    List<String> addresses = lookup(s, c.get(), arg(name, "name"));
    if (!addresses.isEmpty()) {
      return made(s, Check.pass(claim, name + " is " + String.join(", ", addresses)));
    }
    return made(
        s, Check.fail(claim, in + " cannot resolve " + name + ": " + nameWhy(s, c.get(), name)));
  }

  /** The host's port answers (a TCP connection to it is accepted). */
  public static Check published(int hostPort) {
    Session s = Lab.session();
    Checks.port(hostPort, "host port");
    String claim = "port " + hostPort + " answers on the host";
    Optional<String> by = publisher(s, hostPort);
    String host =
        by.map(b -> b.substring(b.indexOf('|') + 1))
            .filter(ip -> !ip.isEmpty())
            .orElse("127.0.0.1");
    String who = by.map(b -> b.substring(0, b.indexOf('|'))).orElse("");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, hostPort), CONNECT_MS);
      return made(s, Check.pass(claim, who.isEmpty() ? "it answers" : who));
    } catch (IOException e) {
      return made(
          s,
          Check.fail(
              claim,
              who.isEmpty()
                  ? "no container publishes port " + hostPort
                  : who + ", but nothing answers there: is its server running?"));
    }
  }

  /** The container is attached to the network. */
  public static Check onNetwork(String container, String network) {
    Session s = Lab.session();
    String claim = container + " is on " + arg(network, "network");
    Optional<ContainerInfo> c = find(s, arg(container, "container"));
    if (c.isEmpty()) {
      return made(s, Check.fail(claim, "there is no container " + container));
    }
    Optional<Endpoint> e = c.get().endpoint(network);
    if (e.isPresent()) {
      return made(s, Check.pass(claim, e.get().cidr()));
    }
    boolean exists = s.engine().networks().stream().anyMatch(n -> n.name().equals(network));
    return made(
        s,
        Check.fail(
            claim,
            exists
                ? on(c.get())
                : "there is no network " + network + " (and " + on(c.get()) + ")"));
  }

  /** The check, with the hint a learner reads when it fails; JShell prints its verdict. */
  public static Check expect(Check check, String hint) {
    if (check == null) {
      throw new NetbookException(
          "expect needs a check, like expect(reachable(\"b\", \"a\"), \"…\")");
    }
    Check hinted = check.withHint(hint == null ? "" : hint);
    Verification.of(Lab.session()).hinted(check, hinted);
    return hinted;
  }

  private static Check made(Session s, Check c) {
    Verification.of(s).made(c);
    return c;
  }

  private static String arg(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new NetbookException("a check needs a " + what + ", like reachable(\"b\", \"a\")");
    }
    return value;
  }

  private static Optional<ContainerInfo> find(Session s, String name) {
    return s.engine().findContainer(name);
  }

  /** The container when it runs (a check from it can run), else empty: {@link #why} says. */
  private static Optional<ContainerInfo> running(Session s, String name) {
    return find(s, name).filter(ContainerInfo::running);
  }

  /** Why a container cannot be checked from: missing, or not running. */
  private static String why(Session s, String name) {
    return find(s, name)
        .map(c -> name + " is not running (" + c.state() + ")")
        .orElse("there is no container " + name);
  }

  private static PingResult ping(Session s, ContainerInfo from, String to, int waitSeconds) {
    List<String> cmd = List.of("ping", "-c", "1", "-W", String.valueOf(waitSeconds), to);
    ExecResult r = s.netTools().quiet(from, cmd, PROBE);
    return PingResult.parse(from.name(), to, r.output());
  }

  /** The addresses the name resolves to inside the container, none when it does not. */
  private static List<String> lookup(Session s, ContainerInfo c, String name) {
    ExecResult r = s.netTools().quiet(c, List.of("nslookup", name), PROBE);
    List<String> addresses = new ArrayList<>();
    if (!r.ok()) {
      return addresses;
    }
    boolean named = false;
    for (String line : r.output().split("\n")) {
      if (line.startsWith("Name:")) {
        named = true;
      } else if (named && line.startsWith("Address")) {
        String a = line.substring(line.indexOf(':') + 1).strip();
        if (!addresses.contains(a)) {
          addresses.add(a);
        }
      }
    }
    return addresses;
  }

  /** Why a ping failed, in the lesson's terms. */
  private static String unreachable(Session s, ContainerInfo from, String to, PingResult ping) {
    if (IpLiteral.problem(to).isEmpty()) {
      Optional<Endpoint> owner =
          s.engine().containers(false).stream()
              .flatMap(c -> c.endpoints().stream())
              .filter(e -> to.equals(e.ipv4()))
              .findFirst();
      if (owner.isPresent() && from.endpoint(owner.get().network()).isEmpty()) {
        return from.name()
            + " has no way to "
            + to
            + " ("
            + owner.get().containerName()
            + " on "
            + owner.get().network()
            + "): "
            + on(from);
      }
      return "no reply from " + to;
    }
    if (!ping.error().isEmpty() || ping.address().isEmpty()) {
      return from.name() + " cannot resolve " + to + ": " + nameWhy(s, from, to);
    }
    return from.name()
        + " resolves "
        + to
        + " to "
        + ping.address()
        + " but gets no reply: "
        + shared(s, from, to);
  }

  /** Why a name does not resolve in a container. */
  private static String nameWhy(Session s, ContainerInfo from, String name) {
    Optional<ContainerInfo> target = find(s, name);
    if (target.isEmpty()) {
      return "there is no container " + name + " (" + on(from) + ")";
    }
    return shared(s, from, name);
  }

  /** What two containers share, said for a learner. */
  private static String shared(Session s, ContainerInfo from, String name) {
    Optional<ContainerInfo> target = find(s, name);
    if (target.isEmpty()) {
      return on(from);
    }
    List<String> mine = networks(from);
    List<String> common = networks(target.get()).stream().filter(mine::contains).toList();
    if (common.isEmpty()) {
      return on(from) + ", " + on(target.get());
    }
    if (common.equals(List.of("bridge"))) {
      return from.name()
          + " and "
          + name
          + " share only the default bridge, where names do not resolve (use a network of your own)";
    }
    return "both are on " + String.join(", ", common);
  }

  private static String on(ContainerInfo c) {
    List<String> n = networks(c);
    if (n.isEmpty()) {
      return c.name() + " is on no network";
    }
    return c.name()
        + (n.size() == 1 ? " is only on " + n.get(0) : " is on " + String.join(", ", n));
  }

  private static List<String> networks(ContainerInfo c) {
    return c.endpoints().stream().map(Endpoint::network).toList();
  }

  /** "web publishes 0.0.0.0:8080->80/tcp|hostIp" for the container that publishes the port. */
  private static Optional<String> publisher(Session s, int port) {
    for (ContainerInfo c : s.engine().containers(false)) {
      for (PortBinding p : c.ports()) {
        if (p.hostPort() == port) {
          String ip = p.hostIp().equals("0.0.0.0") || p.hostIp().equals("::") ? "" : p.hostIp();
          return Optional.of(c.name() + " publishes " + p + "|" + ip);
        }
      }
    }
    return Optional.empty();
  }
}
