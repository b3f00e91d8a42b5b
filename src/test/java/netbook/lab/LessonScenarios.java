package netbook.lab;

import static netbook.lab.Lab.alias;
import static netbook.lab.Lab.container;
import static netbook.lab.Lab.http;
import static netbook.lab.Lab.name;
import static netbook.lab.Lab.net;
import static netbook.lab.Lab.networks;
import static netbook.lab.Lab.publish;
import static netbook.lab.Lab.run;
import static netbook.testing.RealDocker.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import netbook.NetbookException;
import netbook.engine.ContainerSpec;
import netbook.engine.Engine;
import netbook.engine.HostInterface;
import netbook.testing.RealDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every lesson of the seed chapter, through the fluent API and the docker-java adapter, as one set
 * of scenarios for both engines: {@link LessonsTest} runs them on the embedded engine (in the unit
 * suite), {@link LessonsIT} on the real Docker daemon. Names are unique, as the daemon is shared.
 * Where a fresh embedded engine (one per test) knows the exact addresses Docker hands out first,
 * {@link #freshEngine()} lets the scenario check them too.
 */
abstract class LessonScenarios {
  Engine engine;
  Session session;
  private Lab.Binding binding;
  final List<String> notices = new ArrayList<>();

  /**
   * True when the engine was made for this test alone (the embedded one): addresses, MACs and the
   * list of networks are then the first ones Docker hands out, and are checked exactly.
   */
  abstract boolean freshEngine();

  /** An offline session (never pulls) on {@code e}, its notices collected; called before each. */
  final void open(Engine e) {
    engine = e;
    session = RealDocker.session(e, notices);
    binding = Lab.bind(session);
  }

  /** Closes the engine after the session's cleanup, if this class opened it. */
  abstract void closeEngine();

  @AfterEach
  void cleanUp() {
    try {
      if (session != null) {
        session.cleanup();
      }
    } finally {
      if (binding != null) {
        binding.close();
      }
      closeEngine();
    }
  }

  @Test
  void publishedPortServesTheWelcomePageOverLoopback() throws IOException {
    int port = freePort();
    String web = unique("web");
    run("nginx", name(web), publish("127.0.0.1", port, 80));
    HttpResult page = fetchWhenUp("http://127.0.0.1:" + port + "/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.title()).isEqualTo("Welcome to nginx!");
    assertThat(page.toString()).startsWith("HTTP/1.1 200 OK");
    assertThat(container(web).info().ports())
        .extracting(Object::toString)
        .containsExactly("127.0.0.1:" + port + "->80/tcp");
    assertThat(notices).anyMatch(n -> n.contains("nginx is played by the lab image netbook/web"));
    container(web).stop();
    assertThatThrownBy(() -> http("http://127.0.0.1:" + port + "/"))
        .isInstanceOf(NetbookException.class);
  }

  @Test
  void inspectShowsAnAddressGatewayAndMacOnTheDefaultBridge() {
    Container c = run("ubuntu", name(unique("c")));
    String ip = c.ip("bridge");
    assertThat(ip).startsWith("172.17.");
    assertThat(c.gateway()).isEqualTo("172.17.0.1");
    String[] o = ip.split("\\.");
    assertThat(c.mac())
        .isEqualTo(
            String.format("02:42:ac:11:%02x:%02x", Integer.parseInt(o[2]), Integer.parseInt(o[3])));
    if (freshEngine()) {
      assertThat(ip).isEqualTo("172.17.0.2");
      assertThat(c.mac()).isEqualTo("02:42:ac:11:00:02");
    }
    String json = c.inspect().value();
    assertThat(json)
        .contains("\"NetworkSettings\"")
        .contains("\"IPAddress\": \"" + ip + "\"")
        .contains("\"Gateway\": \"172.17.0.1\"");
    assertThat(c.sh("cat /etc/resolv.conf").stdout()).contains("nameserver 127.0.0.1");
  }

  @Test
  void theDefaultNetworksAreBridgeHostAndNone() {
    if (freshEngine()) {
      assertThat(networks().names()).containsExactly("bridge", "host", "none");
    } else {
      assertThat(networks().names()).contains("bridge", "host", "none");
    }
    assertThat(networks().toString()).startsWith("NETWORK ID     NAME");
    assertThat(net("bridge").subnet()).isEqualTo("172.17.0.0/16");
  }

  @Test
  void onTheDefaultBridgeContainersPingByIpButNotByName() {
    Container one = run("ubuntu", name(unique("container_1")));
    Container two = run("ubuntu", name(unique("container_2")));
    if (freshEngine()) {
      assertThat(two.ip()).isEqualTo("172.17.0.3");
    }
    PingResult byIp = one.ping(two.ip(), 2);
    assertThat(byIp.ok()).as(byIp.toString()).isTrue();
    assertThat(byIp.transmitted()).isEqualTo(2);
    assertThat(byIp.received()).isEqualTo(2);
    assertThat(byIp.toString()).contains("64 bytes from " + two.ip());

    PingResult byName = one.ping(two.name());
    assertThat(byName.ok()).isFalse();
    assertThat(byName.toString()).isEqualTo("ping: bad address '" + two.name() + "'");
    assertThat(byName.loss()).isEqualTo(100);
  }

  @Test
  void onAUserDefinedNetworkContainersPingByNameInOneLine() {
    String bridge = unique("my_bridge");
    String a = unique("container_a");
    net(bridge).run("ubuntu", name(a));
    PingResult r = net(bridge).run("ubuntu", name(unique("container_b"))).ping(a, 3);
    assertThat(r.ok()).as(r.toString()).isTrue();
    assertThat(r.toString())
        .startsWith("PING " + a + " (" + container(a).ip(bridge) + "): 56 data bytes");
    if (freshEngine()) {
      assertThat(container(a).ip(bridge)).isEqualTo("172.18.0.2");
    }
    assertThat(r.transmitted()).isEqualTo(3);
    assertThat(net(bridge).info().labels()).containsEntry(Session.LABEL_SESSION, session.id());
  }

  @Test
  void aUserDefinedNetworkResolvesThroughTheEmbeddedDnsAndAliases() {
    String bridge = unique("my_bridge");
    Container c = net(bridge).run("ubuntu", name(unique("c")), alias("db"));
    assertThat(c.sh("cat /etc/resolv.conf").stdout()).contains("nameserver 127.0.0.11");
    Container other = net(bridge).run("ubuntu", name(unique("d")));
    assertThat(other.ping("db", 1).ok()).isTrue();
    assertThat(other.sh("nslookup db").stdout()).contains("Address: " + c.ip(bridge));
  }

  @Test
  void twoUserNetworksAreIsolatedUntilAContainerJoinsBoth() {
    Container a = net(unique("net_a")).run("ubuntu", name(unique("a")));
    Network netB = net(unique("net_b"));
    Container b = netB.run("ubuntu", name(unique("b")));
    if (freshEngine()) {
      assertThat(b.ip()).startsWith("172.19.");
    }
    PingResult across = a.ping(b.ip(), 1);
    assertThat(across.ok()).isFalse();
    assertThat(across.loss()).isEqualTo(100);

    a.connect(netB);
    assertThat(a.networks()).hasSize(2);
    assertThat(a.ping(b.name(), 1).ok()).isTrue();
    a.disconnect(netB);
    assertThat(a.networks()).hasSize(1);
    assertThat(a.ping(b.name(), 1).ok()).isFalse();
  }

  @Test
  void pingWorksFromAnImageWithoutPing() {
    String bridge = unique("my_bridge");
    Container target = net(bridge).run("ubuntu", name(unique("target")));
    Container bare = net(bridge).run("netbook/bare", name(unique("bare")));
    assertThat(
            session
                .engine()
                .exec(bare.id(), List.of("ping", "-c", "1", target.ip()), Duration.ofSeconds(10))
                .ok())
        .as("the bare image really lacks ping")
        .isFalse();
    PingResult r = bare.ping(target.name(), 1);
    assertThat(r.ok()).as(r.toString()).isTrue();
    assertThat(r.toString()).contains("1 packets transmitted, 1 packets received");
    assertThat(notices).anyMatch(n -> n.contains("has no network tools"));
  }

  @Test
  void hostShowsDocker0AndAVethPerContainer() {
    Container c = run("ubuntu", name(unique("c")));
    HostView host = Lab.host();
    assertThat(host.get("docker0").map(HostInterface::addresses).orElseThrow())
        .contains("172.17.0.1/16");
    assertThat(host.veths())
        .anyMatch(v -> v.container().equals(c.name()) && v.master().equals("docker0"));
  }

  @Test
  void cleanupRemovesOnlyWhatTheSessionCreated() {
    String foreign = unique("not_netbooks");
    String foreignId =
        engine.createContainer(
            ContainerSpec.builder("netbook/toolbox:latest")
                .name(foreign)
                .cmd(List.of("sleep", "60"))
                .build());
    try {
      String bridge = unique("my_bridge");
      net(bridge).run("ubuntu", name(unique("a")));
      run("ubuntu", name(unique("b")));
      CleanupReport report = Lab.cleanup();
      assertThat(report.containers()).hasSize(2);
      assertThat(report.networks()).containsExactly(bridge);
      assertThat(engine.containers(true)).noneMatch(c -> session.owns(c.labels()));
      assertThat(engine.networks()).noneMatch(n -> session.owns(n.labels()));
      assertThat(engine.findContainer(foreign)).isPresent();
      assertThatThrownBy(() -> container(foreign).rm())
          .isInstanceOf(NetbookException.class)
          .hasMessageContaining("not created by this netbook session");
      assertThat(engine.findContainer(foreign)).isPresent();
    } finally {
      engine.removeContainer(foreignId, true);
    }
  }

  @Test
  void aNameClashIsOneClearLine() {
    String n = unique("dup");
    run("ubuntu", name(n));
    assertThatThrownBy(() -> run("ubuntu", name(n)))
        .isInstanceOf(NetbookException.class)
        .hasMessage(
            "container "
                + n
                + " already exists in this session: container(\""
                + n
                + "\") is its handle; container(\""
                + n
                + "\").rm() first to run it again");
  }

  @Test
  void anImageMissingOfflineNamesTheFix() {
    assertThatThrownBy(() -> run("postgres:16", name(unique("db"))))
        .isInstanceOf(NetbookException.class)
        .hasMessageContaining("NETBOOK_OFFLINE=1 never pulls");
  }

  /** The page once the server in the container listens (a real nginx takes a moment). */
  private static HttpResult fetchWhenUp(String url) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        return http(url);
      } catch (NetbookException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        sleep(100);
      }
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
