package netbook.lab;

import static netbook.lab.Lab.name;
import static netbook.lab.Lab.on;
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
import netbook.engine.docker.TestEngines;
import netbook.testing.RealDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SwarmHostsIT's scenario on the embedded engine: a swarm of engines netbook did not make (node
 * containers without its labels, each serving an embedded engine), used and then left as they were:
 * out of the swarm, without what the lesson ran there, still running.
 */
class SwarmHostsTest {
  private Engine engine;
  private Session session;
  private Lab.Binding binding;
  private final List<String> machines = new ArrayList<>();

  @BeforeEach
  void open() {
    engine = TestEngines.embedded();
    session = RealDocker.session(engine, new CopyOnWriteArrayList<>());
    binding = Lab.bind(session);
  }

  @AfterEach
  void close() {
    try {
      session.cleanup();
    } finally {
      binding.close();
      engine.close();
    }
  }

  private String machine(String name) {
    ContainerSpec spec =
        ContainerSpec.builder(Swarm.NODE_IMAGE)
            .name("machine_" + name)
            .hostname(name)
            .network("machines")
            .port(new PortBinding("127.0.0.1", 0, 2375, "tcp"))
            .cmd(List.of("dockerd", "-H", "tcp://0.0.0.0:2375", "--tls=false"))
            .build();
    String id = engine.createContainer(spec);
    machines.add(id);
    engine.start(id);
    ContainerInfo c = engine.findContainer(id).orElseThrow();
    return "tcp://127.0.0.1:"
        + c.ports().stream()
            .filter(p -> p.containerPort() == 2375)
            .findFirst()
            .orElseThrow()
            .hostPort();
  }

  @Test
  void formsASwarmOfExistingEngines_andLeavesThemAsTheyWereAtCleanup() {
    engine.createNetwork(NetworkSpec.bridge("machines", java.util.Map.of()));
    List<String> urls = List.of(machine("vm1"), machine("vm2"), machine("vm3"));
    Swarm s = Swarm.of(session, urls);
    assertThat(s.ls()).extracting(SwarmNode::hostname).containsExactly("vm1", "vm2", "vm3");

    Overlay ov = s.overlay("ov");
    Container a = ov.run("busybox", name("container_a"), on("node1"));
    Container b = ov.run("busybox", name("container_b"), on("node3"));
    PingResult r = b.ping("container_a", 1);
    assertThat(r.received()).as(r.output()).isEqualTo(1);
    assertThat(r.address()).isEqualTo(a.info().endpoint("ov").orElseThrow().ipv4());
    assertThatThrownBy(() -> s.node("node2").sh("hostname"))
        .isInstanceOf(NetbookException.class)
        .hasMessageContaining("netbook did not make");

    Engine vm1 = engine.connect(urls.get(0), Duration.ofSeconds(5));
    Engine vm3 = engine.connect(urls.get(2), Duration.ofSeconds(5));
    try {
      session.cleanup();
      for (String id : machines) {
        assertThat(engine.findContainer(id).orElseThrow().running()).isTrue();
      }
      assertThat(vm1.swarmAddress()).isEmpty();
      assertThat(vm3.swarmAddress()).isEmpty();
      assertThat(vm3.containers(true)).noneMatch(c -> c.name().equals("container_b"));
      assertThat(vm3.networks())
          .noneMatch(n -> n.name().equals("ov") || n.name().equals("ingress"));
    } finally {
      vm1.close();
      vm3.close();
    }
  }

  @Test
  void anEngineAlreadyInASwarmIsNotTaken() {
    engine.createNetwork(NetworkSpec.bridge("machines", java.util.Map.of()));
    String url = machine("vm1");
    Engine vm = engine.connect(url, Duration.ofSeconds(5));
    try {
      vm.swarmInit("");
      assertThat(vm.swarmAddress()).isPresent();
      assertThatThrownBy(() -> Swarm.of(session, List.of(url)))
          .isInstanceOf(NetbookException.class)
          .hasMessageContaining("is already part of a swarm");
      assertThat(vm.swarmAddress()).isPresent();
    } finally {
      vm.close();
    }
  }
}
