package netbook.lab;

import static netbook.lab.Lab.name;
import static netbook.lab.Lab.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import netbook.engine.Engine;
import netbook.engine.PortBinding;
import netbook.engine.SwarmNode;
import netbook.engine.docker.TestEngines;
import netbook.testing.RealDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SwarmIT's scenario on the embedded engine, through the same lab code: three node containers whose
 * engines are served on their published ports, a swarm of them, an attachable overlay, a ping by
 * name from node3 to node1 over it, and no node engine left listening after the cleanup.
 */
class SwarmTest {
  private Engine engine;
  private Session session;
  private Lab.Binding binding;
  private final List<String> notices = new CopyOnWriteArrayList<>();

  @BeforeEach
  void open() {
    engine = TestEngines.embedded();
    session = RealDocker.session(engine, notices);
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

  @Test
  void containersOnTwoNodesPingEachOtherOverTheOverlay_andCleanupStopsTheNodeEngines() {
    Swarm s = Swarm.of(session, 3, "");
    assertThat(s.ls())
        .extracting(SwarmNode::hostname)
        .containsExactlyInAnyOrder("node1", "node2", "node3");
    assertThat(s.ls()).allMatch(SwarmNode::ready);
    assertThat(s.ls())
        .filteredOn(n -> n.hostname().equals("node1"))
        .extracting(SwarmNode::managerStatus)
        .containsExactly("Leader");
    assertThat(Swarm.of(session, 3, "")).isSameAs(s);
    // as recorded on the real engine (chapter 11): the manager has the ingress, no node a gwbridge
    assertThat(s.node("node1").networks()).containsExactly("bridge", "host", "ingress", "none");
    assertThat(s.node("node2").networks()).containsExactly("bridge", "host", "none");

    Overlay ov = s.overlay("ov");
    Container a = ov.run("busybox", name("container_a"), on("node1"));
    assertThat(s.node("node3").networks()).doesNotContain("ov"); // not before a container uses it
    Container b = ov.run("busybox", name("container_b"), on("node3"));
    assertThat(s.node("node1").containers()).containsExactly("container_a");
    assertThat(s.node("node3").containers()).containsExactly("container_b");
    String aIp = a.info().endpoint("ov").orElseThrow().ipv4();
    String bIp = b.info().endpoint("ov").orElseThrow().ipv4();
    assertThat(aIp).isEqualTo("10.0.1.2");
    assertThat(bIp).isEqualTo("10.0.1.4"); // one pool for the swarm; .3 is node3's own endpoint

    PingResult r = b.ping("container_a", 2);
    assertThat(r.received()).as(r.output()).isEqualTo(2);
    assertThat(r.address()).isEqualTo(aIp);
    assertThat(a.ping("container_b", 1).address()).isEqualTo(bIp);
    assertThat(s.node("node3").networks())
        .containsExactly("bridge", "docker_gwbridge", "host", "ingress", "none", "ov");
    assertThat(s.node("node2").networks()).containsExactly("bridge", "host", "none");

    List<Integer> ports =
        engine.containers(true).stream()
            .filter(c -> c.name().startsWith("node"))
            .flatMap(c -> c.ports().stream())
            .filter(p -> p.containerPort() == 2375)
            .map(PortBinding::hostPort)
            .toList();
    assertThat(ports).hasSize(3).allMatch(p -> p > 0).allMatch(SwarmTest::listening);
    CleanupReport gone = session.cleanup();
    assertThat(gone.toString()).contains("node1", "netbook_swarm");
    assertThat(engine.containers(true)).noneMatch(c -> c.name().startsWith("node"));
    assertThat(ports).noneMatch(SwarmTest::listening);
  }

  @Test
  void aContainerOnAnotherNodesDefaultBridgeIsNotReachedOverTheOverlay() {
    Swarm s = Swarm.of(session, 2, "");
    Overlay ov = s.overlay("ov2");
    Container a = ov.run("busybox", name("over_a"), on("node1"));
    Container lone = s.node("node2").run("busybox", name("bridge_b"));
    assertThat(lone.ping("over_a", 1).received()).isZero();
    assertThatThrownBy(() -> s.node("node2").engine().swarmNodes())
        .hasMessageContaining("Worker nodes can't be used to view or modify cluster state");
    assertThat(a.info().endpoint("ov2").orElseThrow().ipv4()).startsWith("10.0.1.");
  }

  private static boolean listening(int port) {
    try {
      new Socket(InetAddress.getLoopbackAddress(), port).close();
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
