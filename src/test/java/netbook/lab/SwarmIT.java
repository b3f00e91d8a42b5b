package netbook.lab;

import static netbook.lab.Lab.name;
import static netbook.lab.Lab.on;
import static netbook.testing.RealDocker.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import netbook.engine.Engine;
import netbook.engine.SwarmNode;
import netbook.testing.RealDocker;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's first lesson on the real daemon: three real Docker nodes as containers, a Swarm of
 * them, an attachable overlay, containers on node1 and node3 that reach each other by name over
 * VXLAN, and nothing left after the cleanup.
 */
@RequiresDocker
class SwarmIT {
  private Engine engine;
  private Session session;
  private Lab.Binding binding;
  private final List<String> notices = new CopyOnWriteArrayList<>();
  private final String prefix = unique("sw") + "_";

  @BeforeEach
  void open(Engine docker) {
    engine = docker;
    session = RealDocker.session(docker, notices);
    binding = Lab.bind(session);
  }

  @AfterEach
  void close() {
    try {
      session.cleanup();
    } finally {
      binding.close();
    }
  }

  @Test
  void containersOnTwoNodesPingEachOtherOverTheOverlay_andCleanupTakesTheNodes() {
    Swarm s = Swarm.of(session, 3, prefix);
    assertThat(s.ls())
        .extracting(SwarmNode::hostname)
        .containsExactlyInAnyOrder("node1", "node2", "node3");
    assertThat(s.ls()).allMatch(SwarmNode::ready);
    assertThat(Swarm.of(session, 3, prefix)).isSameAs(s); // idempotent

    Overlay ov = s.overlay("ov");
    Container a = ov.run("busybox", name("container_a"), on("node1"));
    Container b = ov.run("busybox", name("container_b"), on("node3"));
    assertThat(s.node("node1").containers()).contains("container_a");
    assertThat(s.node("node3").containers()).contains("container_b");
    assertThat(a.info().endpoint("ov")).isPresent();
    assertThat(a.info().endpoint("ov").orElseThrow().ipv4()).startsWith("10.0.");

    PingResult r = b.ping("container_a", 2);
    assertThat(r.received()).as(r.output()).isEqualTo(2);
    assertThat(r.address()).isEqualTo(a.info().endpoint("ov").orElseThrow().ipv4());
    assertThat(s.node("node3").networks()).contains("ov", "docker_gwbridge", "ingress");

    // the console: swarm lines go to the manager, -H NODE to that node
    netbook.console.DockerConsole console = netbook.console.DockerConsole.of(session);
    var ls = console.run("docker node ls");
    assertThat(ls.ok()).as(ls.output()).isTrue();
    assertThat(ls.output()).contains("HOSTNAME", "node1", "node2", "node3", "Leader");
    var ps = console.run("docker -H node3 ps");
    assertThat(ps.output()).contains("container_b").doesNotContain("container_a");
    var ov2 = console.run("docker network create -d overlay --attachable ov2");
    assertThat(ov2.ok()).as(ov2.output()).isTrue();
    assertThat(s.manager().networks()).contains("ov2");
    assertThat(console.run("docker -H node9 ps").output()).contains("no node node9");

    // services on the console, on the manager
    var create = console.run("docker service create --name web --replicas 2 --network ov nginx");
    assertThat(create.ok()).as(create.output()).isTrue();
    assertThat(console.run("docker service ls").output()).contains("web", "2/2");
    assertThat(console.run("docker service ps web").output()).contains("web.1", "web.2", "Running");
    assertThat(console.run("docker service scale web=1").output()).contains("web scaled to 1");
    assertThat(console.run("docker service rm web").output()).isEqualTo("web\n");
    assertThat(console.run("docker service ls").output()).doesNotContain("web");

    CleanupReport gone = session.cleanup();
    assertThat(gone.toString()).contains(prefix + "node1", prefix + "netbook_swarm");
    assertThat(engine.containers(true)).noneMatch(c -> c.name().startsWith(prefix));
    assertThat(engine.findNetwork(prefix + "netbook_swarm")).isEmpty();
  }
}
