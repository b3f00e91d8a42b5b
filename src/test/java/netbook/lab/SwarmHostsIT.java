package netbook.lab;

import static netbook.lab.Lab.name;
import static netbook.lab.Lab.on;
import static netbook.testing.RealDocker.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import netbook.NetbookException;
import netbook.engine.ContainerInfo;
import netbook.engine.ContainerSpec;
import netbook.engine.Engine;
import netbook.engine.NetworkSpec;
import netbook.engine.PortBinding;
import netbook.engine.SwarmNode;
import netbook.testing.RealDocker;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19.2: a swarm of engines that were there before — an instructor's machines, here three node
 * containers the test starts itself and hands over as tcp:// addresses. netbook forms the swarm,
 * runs the lesson, and at cleanup removes only what it ran and makes the engines leave; the
 * machines themselves stay.
 */
@RequiresDocker
class SwarmHostsIT {
  private Engine engine;
  private Session session;
  private Lab.Binding binding;
  private final String prefix = unique("swh");
  private final List<String> machines = new ArrayList<>();

  @BeforeEach
  void open(Engine docker) {
    engine = docker;
    session = RealDocker.session(docker, new CopyOnWriteArrayList<>());
    binding = Lab.bind(session);
  }

  @AfterEach
  void close() {
    try {
      session.cleanup();
    } finally {
      binding.close();
      for (String m : machines) {
        engine.removeContainer(m, true);
      }
      engine.findNetwork(prefix).ifPresent(n -> engine.removeNetwork(n.id()));
    }
  }

  /** A Docker machine that is not netbook's: a node container without netbook's labels. */
  private String machine(String name) {
    ContainerSpec spec =
        ContainerSpec.builder(Swarm.NODE_IMAGE)
            .name(prefix + "_" + name)
            .hostname(name)
            .network(prefix)
            .port(new PortBinding("127.0.0.1", 0, 2375, "tcp"))
            .privileges(Swarm.Privileges.CAPABILITIES)
            .cmd(
                List.of(
                    "dockerd",
                    "--storage-driver=vfs",
                    "--dns",
                    "127.0.0.1",
                    "-H",
                    "unix:///var/run/docker.sock",
                    "-H",
                    "tcp://0.0.0.0:2375",
                    "--tls=false"))
            .build();
    String id = engine.createContainer(spec);
    machines.add(id);
    engine.start(id);
    ContainerInfo c = engine.findContainer(id).orElseThrow();
    int port =
        c.ports().stream()
            .filter(p -> p.containerPort() == 2375)
            .findFirst()
            .orElseThrow()
            .hostPort();
    return "tcp://127.0.0.1:" + port;
  }

  @Test
  void formsASwarmOfExistingEngines_andLeavesThemAsTheyWereAtCleanup() throws Exception {
    engine.createNetwork(NetworkSpec.bridge(prefix, java.util.Map.of()));
    List<String> urls = List.of(machine("vm1"), machine("vm2"), machine("vm3"));
    Thread.sleep(3000); // their dockerd starts (Swarm.of waits for each in its connect)
    // vm1 and vm2 as docker contexts (an instructor's `docker context create vm1 …`), vm3 by URL
    ((netbook.engine.docker.DockerEngine) engine).contexts(contexts(urls.subList(0, 2)));
    Swarm s =
        Swarm.of(
            session, List.of(Lab.contexts("vm1", "vm2")[0], Lab.contexts("vm2")[0], urls.get(2)));
    assertThat(s.ls()).extracting(SwarmNode::hostname).containsExactly("vm1", "vm2", "vm3");

    Overlay ov = s.overlay("ov");
    ov.run("busybox", name("container_a"), on("node1"));
    Container b = ov.run("busybox", name("container_b"), on("node3"));
    assertThat(b.ping("container_a", 1).received()).isEqualTo(1);
    assertThatThrownBy(() -> s.node("node2").sh("hostname"))
        .isInstanceOf(NetbookException.class)
        .hasMessageContaining("netbook did not make");

    List<Engine> engines = s.nodes().stream().map(Node::engine).toList();
    Engine vm1 = engine.connect(urls.get(0), Duration.ofSeconds(5));
    Engine vm3 = engine.connect(urls.get(2), Duration.ofSeconds(5));
    session.cleanup();
    // the machines are still there, out of the swarm, without what the lesson ran on them
    for (String id : machines) {
      assertThat(engine.findContainer(id).orElseThrow().running()).isTrue();
    }
    assertThat(vm1.swarmAddress()).isEmpty();
    assertThat(vm3.swarmAddress()).isEmpty();
    assertThat(vm3.containers(true)).noneMatch(c -> c.name().equals("container_b"));
    assertThat(engines).isNotEmpty();
    vm1.close();
    vm3.close();
  }

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path config;

  /** A docker config directory with contexts vm1, vm2, … for these hosts, as docker writes it. */
  private java.nio.file.Path contexts(List<String> hosts) throws Exception {
    for (int i = 0; i < hosts.size(); i++) {
      String name = "vm" + (i + 1);
      byte[] h =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      java.nio.file.Path dir =
          config.resolve("contexts/meta/" + java.util.HexFormat.of().formatHex(h));
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.writeString(
          dir.resolve("meta.json"),
          "{\"Name\":\""
              + name
              + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\""
              + hosts.get(i)
              + "\",\"SkipTLSVerify\":false}}}");
    }
    return config;
  }

  @Test
  void anUnknownContextIsOneLine() {
    ((netbook.engine.docker.DockerEngine) engine).contexts(config);
    assertThatThrownBy(() -> Swarm.of(session, List.of(Lab.contexts("nosuchvm")[0])))
        .hasMessageContaining("docker context \"nosuchvm\" does not exist");
  }

  @Test
  void anEngineAlreadyInASwarmIsNotTaken() throws Exception {
    engine.createNetwork(NetworkSpec.bridge(prefix, java.util.Map.of()));
    String url = machine("vm1");
    Thread.sleep(3000);
    Engine vm = connectWhenUp(url);
    vm.swarmInit("");
    assertThatThrownBy(() -> Swarm.of(session, List.of(url)))
        .isInstanceOf(NetbookException.class)
        .hasMessageContaining("is already part of a swarm");
    assertThat(vm.swarmAddress()).isPresent(); // untouched
    vm.close();
  }

  private Engine connectWhenUp(String url) throws InterruptedException {
    for (int i = 0; i < 60; i++) {
      try {
        return engine.connect(url, Duration.ofSeconds(3));
      } catch (RuntimeException e) {
        Thread.sleep(500);
      }
    }
    return engine.connect(url, Duration.ofSeconds(3));
  }
}
