package netbook.lab;

import static netbook.lab.Lab.endpointMode;
import static netbook.lab.Lab.name;
import static netbook.lab.Lab.network;
import static netbook.lab.Lab.on;
import static netbook.lab.Lab.replicas;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import netbook.engine.Engine;
import netbook.engine.docker.TestEngines;
import netbook.testing.RealDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lab's services on the embedded engine, through the same code as on the real one: three
 * replicas spread over three nodes, the virtual IP and the DNS of the service and its tasks, scale,
 * dnsrr, remove.
 */
class SwarmServiceTest {
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
  void threeReplicasRunOneOnEachNode_reachedByTheirVipAndTasksNames_thenScaledAndRemoved() {
    Swarm s = Swarm.of(session, 3, "");
    Overlay ov = s.overlay("ov");
    Service web = s.service("web", "nginx", replicas(3), network("ov"));
    TaskTable tasks = web.tasks();
    assertThat(tasks.size()).isEqualTo(3);
    assertThat(tasks.nodes()).containsExactly("node1", "node2", "node3");
    assertThat(tasks.ips()).allMatch(ip -> ip.startsWith("10.0.1."));
    assertThat(tasks.get(0).state()).isEqualTo("running");
    String vip = web.vip();
    assertThat(vip).startsWith("10.0.1.").isNotIn(tasks.ips());
    assertThat(s.node("node2").containers()).singleElement().asString().startsWith("web.2.");
    // the kernel model has no IPVS: the lab says so once
    assertThat(notices).anyMatch(n -> n.contains("no IPVS"));

    Container client = ov.run("busybox", name("client"), on("node2"));
    String all = client.sh("nslookup tasks.web").stdout();
    assertThat(tasks.ips()).allMatch(all::contains);
    assertThat(all).doesNotContain(vip);
    assertThat(client.sh("nslookup web").stdout()).contains("Address: " + vip);
    assertThat(client.ping(tasks.ips().get(2), 1).received()).isEqualTo(1);

    web.scale(1);
    assertThat(web.tasks().nodes()).containsExactly("node1");
    assertThat(s.node("node3").containers()).isEmpty();
    assertThat(client.sh("nslookup tasks.web").stdout())
        .contains(tasks.ips().get(0))
        .doesNotContain(tasks.ips().get(2));

    web.remove();
    assertThat(s.node("node1").containers()).isEmpty();
    assertThat(s.services()).isEmpty();
    assertThatThrownBy(web::info).hasMessageContaining("service web is gone");
  }

  @Test
  void aDnsrrServiceHasNoVip_andItsNameResolvesToEachTask() {
    Swarm s = Swarm.of(session, 2, "");
    Overlay ov = s.overlay("ov");
    Service web = s.service("web", "nginx", replicas(2), network("ov"), endpointMode("dnsrr"));
    assertThatThrownBy(web::vip).hasMessageContaining("it has no virtual IP");
    assertThat(web.info().virtualIps()).isEmpty();
    Container client = ov.run("busybox", name("client"), on("node1"));
    String out = client.sh("nslookup web").stdout();
    assertThat(web.tasks().ips()).hasSize(2).allMatch(out::contains);
  }
}
