package netbook.engine.embedded;

import static netbook.lab.Lab.alias;
import static netbook.lab.Lab.container;
import static netbook.lab.Lab.http;
import static netbook.lab.Lab.name;
import static netbook.lab.Lab.net;
import static netbook.lab.Lab.networks;
import static netbook.lab.Lab.publish;
import static netbook.lab.Lab.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import netbook.NetbookException;
import netbook.engine.Engine;
import netbook.engine.HostInterface;
import netbook.engine.docker.DockerEngines;
import netbook.engine.embedded.model.EmbeddedOptions;
import netbook.lab.Container;
import netbook.lab.HttpResult;
import netbook.lab.Lab;
import netbook.lab.Network;
import netbook.lab.PingResult;
import netbook.lab.Session;
import netbook.lab.SessionConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chapter's lessons through the fluent lab API and the docker-java adapter, on the embedded
 * engine (the same scenarios LessonsIT runs on real Docker).
 */
class EmbeddedLessonsTest {
  private Engine engine;
  private Session session;
  private final List<String> notices = new ArrayList<>();
  private Lab.Binding binding;

  @BeforeEach
  void open() {
    engine =
        DockerEngines.embedded(
            new EmbeddedDockerApi(
                EmbeddedOptions.seeded(3)
                    .withPreloadedImages(
                        List.of("netbook/toolbox", "netbook/web", "netbook/bare"))));
    session =
        new Session(
            engine,
            new SessionConfig("t1", true, ProcessHandle.current().pid(), "", notices::add, null));
    binding = Lab.bind(session);
  }

  @AfterEach
  void close() {
    session.cleanup();
    engine.close();
    binding.close();
  }

  @Test
  void theEngineSaysItIsEmbedded() {
    assertThat(Lab.engine().embedded()).isTrue();
    assertThat(Lab.engine().apiVersion()).isEqualTo("1.41");
  }

  @Test
  void publishedPortServesTheWelcomePageOverLoopback() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    run("nginx", name("web"), publish("127.0.0.1", port, 80));
    HttpResult page = http("http://127.0.0.1:" + port + "/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.title()).isEqualTo("Welcome to nginx!");
    assertThat(container("web").info().ports())
        .extracting(Object::toString)
        .containsExactly("127.0.0.1:" + port + "->80/tcp");
    container("web").stop();
    assertThatThrownBy(() -> http("http://127.0.0.1:" + port + "/"))
        .isInstanceOf(NetbookException.class);
  }

  @Test
  void inspectShowsAnAddressGatewayAndMacOnTheDefaultBridge() {
    Container c = run("ubuntu", name("c1"));
    assertThat(c.ip("bridge")).isEqualTo("172.17.0.2");
    assertThat(c.gateway()).isEqualTo("172.17.0.1");
    assertThat(c.mac()).isEqualTo("02:42:ac:11:00:02");
    assertThat(c.inspect().value())
        .contains("\"IPAddress\": \"172.17.0.2\"")
        .contains("\"Gateway\": \"172.17.0.1\"");
    assertThat(c.sh("cat /etc/resolv.conf").stdout()).contains("nameserver 127.0.0.1");
  }

  @Test
  void theDefaultNetworksAreBridgeHostAndNone() {
    assertThat(networks().names()).containsExactly("bridge", "host", "none");
    assertThat(networks().toString()).startsWith("NETWORK ID     NAME");
    assertThat(net("bridge").subnet()).isEqualTo("172.17.0.0/16");
  }

  @Test
  void onTheDefaultBridgeContainersPingByIpButNotByName() {
    Container one = run("ubuntu", name("container_1"));
    Container two = run("ubuntu", name("container_2"));
    PingResult byIp = one.ping(two.ip(), 2);
    assertThat(byIp.ok()).as(byIp.toString()).isTrue();
    assertThat(byIp.received()).isEqualTo(2);
    assertThat(byIp.toString()).contains("64 bytes from 172.17.0.3");
    PingResult byName = one.ping(two.name());
    assertThat(byName.ok()).isFalse();
    assertThat(byName.toString()).isEqualTo("ping: bad address 'container_2'");
  }

  @Test
  void onAUserDefinedNetworkContainersPingByName() {
    net("my_bridge").run("ubuntu", name("container_a"));
    PingResult r = net("my_bridge").run("ubuntu", name("container_b")).ping("container_a", 3);
    assertThat(r.ok()).as(r.toString()).isTrue();
    assertThat(r.toString()).startsWith("PING container_a (172.18.0.2): 56 data bytes");
    assertThat(r.transmitted()).isEqualTo(3);
  }

  @Test
  void aUserDefinedNetworkResolvesThroughTheEmbeddedDnsAndAliases() {
    Container c = net("my_bridge").run("ubuntu", name("c1"), alias("db"));
    assertThat(c.sh("cat /etc/resolv.conf").stdout()).contains("nameserver 127.0.0.11");
    Container other = net("my_bridge").run("ubuntu", name("d1"));
    assertThat(other.ping("db", 1).ok()).isTrue();
    assertThat(other.sh("nslookup db").stdout()).contains("Address: " + c.ip("my_bridge"));
  }

  @Test
  void twoUserNetworksAreIsolatedUntilAContainerJoinsBoth() {
    Container a = net("net_a").run("ubuntu", name("a1"));
    Network netB = net("net_b");
    Container b = netB.run("ubuntu", name("b1"));
    assertThat(b.ip()).startsWith("172.19.");
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
    Container target = net("my_bridge").run("ubuntu", name("target"));
    Container bare = net("my_bridge").run("netbook/bare", name("bare"));
    PingResult r = bare.ping(target.name(), 1);
    assertThat(r.ok()).as(r.toString()).isTrue();
    assertThat(notices).anyMatch(n -> n.contains("has no network tools"));
  }

  @Test
  void hostShowsDocker0AndAVethPerContainer() {
    Container c = run("ubuntu", name("c1"));
    assertThat(Lab.host().get("docker0").map(HostInterface::addresses).orElseThrow())
        .contains("172.17.0.1/16");
    assertThat(Lab.host().veths())
        .anyMatch(v -> v.container().equals(c.name()) && v.master().equals("docker0"));
  }
}
