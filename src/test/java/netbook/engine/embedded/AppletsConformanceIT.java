package netbook.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import netbook.engine.Engine;
import netbook.engine.embedded.model.EmbeddedOptions;
import netbook.testing.RealDockerExtension;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.Test;

/**
 * Fidelity of the networking applets (ip neigh, arp, ip route get, ip rule, route, netstat,
 * traceroute, nc, hostname -d/-f, /sys/class/net, /proc/net/route), of IPv6 networks and of rename:
 * the same scenario runs in busybox containers on the real daemon (through the docker CLI) and on
 * the embedded engine (through its API), and the masked transcripts must be equal. Subnets are
 * given (unusual ones, so that other users of the daemon do not collide) to keep masks and route
 * files comparable.
 */
@RequiresDocker
class AppletsConformanceIT {
  private static final String IMAGE = "busybox:latest";

  /** Where the scenario runs: the real daemon or the embedded engine. */
  private interface Side {
    void network(String name, String... subnets);

    void run(String name, String network, String... cmd);

    String exec(String container, String... cmd);

    String state(String container);

    String inspectNetworkSettings(String container, String network);

    void rename(String from, String to);

    void cleanUp(List<String> containers, List<String> networks);
  }

  @Test
  void appletsIpv6AndRenameGiveTheSameMaskedTranscript(Engine real) {
    RealDockerExtension.requireImages(real, IMAGE);
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    List<String> onDocker = scenario(new RealSide(), suffix);
    TestApi api =
        new TestApi(
            EmbeddedOptions.seeded(3)
                .withServePublishedPorts(false)
                .withPreloadedImages(List.of("busybox")));
    List<String> onEmbedded;
    try {
      onEmbedded = scenario(new EmbeddedSide(api), suffix);
    } finally {
      api.api.close();
    }
    keep("applets-docker.txt", onDocker);
    keep("applets-embedded.txt", onEmbedded);
    for (int i = 0; i < Math.min(onDocker.size(), onEmbedded.size()); i++) {
      assertThat(onEmbedded.get(i)).as("step %d", i + 1).isEqualTo(onDocker.get(i));
    }
    assertThat(onEmbedded).hasSameSizeAs(onDocker);
  }

  /** Both transcripts go to target/ for a diff when they differ. */
  private static void keep(String file, List<String> steps) {
    try {
      Files.writeString(Path.of("target", file), String.join("\n", steps));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> scenario(Side side, String suffix) {
    String net = "apl-net-" + suffix;
    String net2 = "apl-net2-" + suffix;
    String net6 = "apl-v6-" + suffix;
    String a = "apl-a-" + suffix;
    String b = "apl-b-" + suffix;
    String d = "apl-d-" + suffix;
    String srv = "apl-srv-" + suffix;
    String v6a = "apl-v6a-" + suffix;
    String v6b = "apl-v6b-" + suffix;
    List<String> steps = new ArrayList<>();
    Masker m = new Masker();
    try {
      side.network(net, "10.213.0.0/16");
      side.network(net2, "10.214.0.0/16");
      side.network(net6, "10.215.0.0/16", "fd00:a1b2::/64");
      side.run(a, net, "sleep", "300");
      side.run(b, net, "sleep", "300");
      side.run(d, net2, "sleep", "300");
      side.run(srv, net, "nc", "-l", "-p", "8080");
      side.run(v6a, net6, "sleep", "300");
      side.run(v6b, net6, "sleep", "300");
      String[][] script = {
        {a, "ip neigh"},
        {a, "ping -c 1 " + b},
        {a, "ip neigh"},
        {b, "ip neigh"},
        {a, "arp"},
        {a, "arp -n"},
        {a, "ping -c 1 10.213.0.1"},
        {a, "ip neigh"},
        {a, "ip route get 10.213.0.3"},
        {a, "ip route get 10.9.9.9"},
        {a, "ip route get 127.0.0.1"},
        {a, "ip route get " + b},
        {a, "ip rule"},
        {a, "ip -br addr"},
        {a, "route"},
        {a, "route -n"},
        {a, "netstat -rn"},
        {a, "cat /proc/net/route"},
        {a, "netstat -tln"},
        {a, "netstat -an"},
        {a, "netstat"},
        {srv, "netstat -tln"},
        {a, "traceroute -q 1 " + b},
        {a, "traceroute -n -q 1 -m 3 -w 1 10.214.0.2"},
        {a, "hostname -d"},
        {a, "hostname -f"},
        {a, "ls /sys/class/net"},
        {
          a, "cat /sys/class/net/eth0/mtu /sys/class/net/eth0/operstate /sys/class/net/lo/operstate"
        },
        {a, "cat /sys/class/net/eth0/address"},
        {a, "nc " + b + " 8081"},
        {a, "nc nosuch-" + suffix + " 80"},
        {a, "echo hi | nc " + srv + " 8080"},
        {v6a, "ip -6 addr"},
        {v6a, "ip -6 route"},
        {v6a, "ping6 -c 1 " + v6b},
        {v6a, "ping -c 1 " + v6b},
        {v6a, "ip -6 neigh"},
        {v6a, "cat /etc/hosts"},
        {a, "ping6 -c 1 ::1"},
      };
      for (String[] step : script) {
        String out = side.exec(step[0], "sh", "-c", step[1]);
        if (step[1].contains("neigh") || step[1].startsWith("arp")) {
          // the kernel lists neighbours in its hash order
          out = String.join("\n", out.lines().sorted().toList());
        }
        steps.add("$ " + step[1] + "\n" + m.mask(out));
      }
      steps.add("srv " + side.state(srv));
      steps.add(m.mask(side.inspectNetworkSettings(v6a, net6)));
      side.rename(a, a + "x");
      steps.add(m.mask(side.exec(b, "ping", "-c", "1", a + "x")));
      steps.add(m.mask(side.exec(b, "ping", "-c", "1", a)));
      return steps;
    } finally {
      side.cleanUp(List.of(a, a + "x", b, d, srv, v6a, v6b), List.of(net, net2, net6));
    }
  }

  /** {@link TranscriptMask}, plus what differs between runs here: DNS ports, probe times, ids. */
  private static final class Masker {
    private final TranscriptMask mask = new TranscriptMask();

    String mask(String text) {
      String s = text.replaceAll("127\\.0\\.0\\.11:\\d+", "127.0.0.11:<PORT>");
      s = s.replaceAll("fe80::[0-9a-f:]+", "fe80::<LL>");
      // the side that only answered an ARP request may be in any state yet
      s = s.replaceAll("probes [01] [A-Z]+", "probes <P> <STATE>");
      return mask.mask(s).replaceAll("\\d+\\.\\d{3} ms", "<T> ms");
    }
  }

  /** The real daemon, through the docker CLI (as a reader of the lesson would type it). */
  private static final class RealSide implements Side {
    /** What the command printed: its stdout, then its stderr (as the embedded side gives them). */
    private String docker(String... args) {
      List<String> cmd = new ArrayList<>(List.of("docker"));
      cmd.addAll(List.of(args));
      try {
        Path err = Files.createTempFile("applets-it", ".err");
        try {
          Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
          byte[] out = p.getInputStream().readAllBytes();
          if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("docker " + String.join(" ", args) + " timed out");
          }
          return new String(out, StandardCharsets.UTF_8) + Files.readString(err);
        } finally {
          Files.deleteIfExists(err);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void network(String name, String... subnets) {
      List<String> args = new ArrayList<>(List.of("network", "create"));
      if (subnets.length > 1) {
        args.add("--ipv6");
      }
      for (String s : subnets) {
        args.add("--subnet");
        args.add(s);
      }
      args.add(name);
      docker(args.toArray(String[]::new));
    }

    @Override
    public void run(String name, String network, String... cmd) {
      List<String> args =
          new ArrayList<>(List.of("run", "-d", "--name", name, "--network", network, IMAGE));
      args.addAll(List.of(cmd));
      docker(args.toArray(String[]::new));
    }

    @Override
    public String exec(String container, String... cmd) {
      List<String> args = new ArrayList<>(List.of("exec", container));
      args.addAll(List.of(cmd));
      return docker(args.toArray(String[]::new));
    }

    @Override
    public String state(String container) {
      String s = "";
      for (int i = 0; i < 50 && !s.startsWith("exited"); i++) {
        s = docker("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", container).trim();
        sleep();
      }
      // the daemon copies a container's last output to its log a moment after the exit: a log
      // read at once can miss it (seen once in CI: "exited 0 " for "exited 0 hi")
      String logs = docker("logs", container).trim();
      for (int i = 0; i < 20 && logs.isEmpty(); i++) {
        sleep();
        logs = docker("logs", container).trim();
      }
      return s + " " + logs;
    }

    private static void sleep() {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public String inspectNetworkSettings(String container, String network) {
      return docker(
          "inspect",
          "-f",
          "{{with index .NetworkSettings.Networks \""
              + network
              + "\"}}{{.IPAddress}} {{.GlobalIPv6Address}}/{{.GlobalIPv6PrefixLen}}"
              + " {{.IPv6Gateway}}{{end}}",
          container);
    }

    @Override
    public void rename(String from, String to) {
      docker("rename", from, to);
    }

    @Override
    public void cleanUp(List<String> containers, List<String> networks) {
      List<String> args = new ArrayList<>(List.of("rm", "-f"));
      args.addAll(containers);
      docker(args.toArray(String[]::new));
      List<String> nets = new ArrayList<>(List.of("network", "rm"));
      nets.addAll(networks);
      docker(nets.toArray(String[]::new));
    }
  }

  /** The embedded engine, through its Engine API routes. */
  private static final class EmbeddedSide implements Side {
    private final TestApi t;

    EmbeddedSide(TestApi t) {
      this.t = t;
    }

    @Override
    public void network(String name, String... subnets) {
      StringBuilder config = new StringBuilder();
      for (String s : subnets) {
        config
            .append(config.length() > 0 ? "," : "")
            .append("{\"Subnet\":\"")
            .append(s)
            .append("\"}");
      }
      t.ok(
          t.post(
              "/networks/create",
              "{\"Name\":\""
                  + name
                  + "\",\"EnableIPv6\":"
                  + (subnets.length > 1)
                  + ",\"IPAM\":{\"Config\":["
                  + config
                  + "]}}"));
    }

    @Override
    public void run(String name, String network, String... cmd) {
      String body =
          "{\"Image\":\""
              + IMAGE
              + "\",\"Cmd\":"
              + TestApi.array(cmd)
              + ",\"HostConfig\":{\"NetworkMode\":\""
              + network
              + "\"}}";
      t.ok(t.post("/containers/create?name=" + name, body));
      t.ok(t.post("/containers/" + name + "/start", ""));
    }

    @Override
    public String exec(String container, String... cmd) {
      TestApi.Output o = t.exec(container, cmd);
      return o.stdout() + o.stderr();
    }

    @Override
    public String state(String container) {
      JsonNode s = t.inspect(container).get("State");
      String logs = t.get("/containers/" + container + "/logs?stdout=1&stderr=1").bodyText();
      return s.get("Status").asText()
          + " "
          + s.get("ExitCode").asInt()
          + " "
          + logs.replaceAll("[\\x00-\\x08]", "").trim();
    }

    @Override
    public String inspectNetworkSettings(String container, String network) {
      JsonNode n = t.inspect(container).at("/NetworkSettings/Networks/" + network);
      return n.get("IPAddress").asText()
          + " "
          + n.get("GlobalIPv6Address").asText()
          + "/"
          + n.get("GlobalIPv6PrefixLen").asInt()
          + " "
          + n.get("IPv6Gateway").asText()
          + "\n";
    }

    @Override
    public void rename(String from, String to) {
      t.ok(t.post("/containers/" + from + "/rename?name=" + to, ""));
    }

    @Override
    public void cleanUp(List<String> containers, List<String> networks) {}
  }
}
