package netbook.lab;

import static netbook.lab.Lab.endpointMode;
import static netbook.lab.Lab.name;
import static netbook.lab.Lab.network;
import static netbook.lab.Lab.on;
import static netbook.lab.Lab.publish;
import static netbook.lab.Lab.replicas;
import static netbook.testing.RealDocker.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netbook.NetbookException;
import netbook.engine.Engine;
import netbook.engine.ExecResult;
import netbook.engine.ServiceInfo;
import netbook.testing.RealDocker;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's services lesson on the real daemon: a service of three nginx tasks on an overlay of a
 * three-node Swarm, one task per node; its name resolves to a virtual IP that answers on the
 * service's port but not to ping (IPVS balances the port, nothing else), {@code tasks.web} to each
 * task; the published port answers through any node (the routing mesh); scale(1) leaves one task; a
 * dnsrr service has no virtual IP and DNS names each task.
 */
@RequiresDocker
class ServiceIT {
  private static final Pattern IPV4 = Pattern.compile("\\b(\\d{1,3}(?:\\.\\d{1,3}){3})\\b");

  private Session session;
  private Lab.Binding binding;
  private final List<String> notices = new CopyOnWriteArrayList<>();
  private final String prefix = unique("svc") + "_";

  @BeforeEach
  void open(Engine docker) {
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
  void replicatedServiceOnTheOverlay_vipDnsRoutingMeshScaleAndDnsrr() throws Exception {
    Swarm s = Swarm.of(session, 3, prefix);
    Overlay ov = s.overlay("ov");
    int port = freePort();

    Service web = s.service("web", "nginx", replicas(3), network("ov"), publish(port, 80));
    System.out.println(
        "service web: create to 3 running tasks in " + web.converged().toMillis() + " ms");

    TaskTable tasks = web.tasks();
    assertThat(tasks).as(tasks.toString()).hasSize(3).allMatch(SwarmTask::running);
    assertThat(tasks.nodes()).containsExactlyInAnyOrder("node1", "node2", "node3");
    assertThat(tasks).extracting(SwarmTask::name).containsExactly("web.1", "web.2", "web.3");
    String subnet = s.manager().engine().findNetwork("ov").orElseThrow().subnet();
    assertThat(tasks.ips()).allMatch(ip -> inSubnet(ip, subnet), "in " + subnet);
    assertThat(tasks.toString()).startsWith("NAME").contains("web.1", "running");

    String vip = web.vip();
    assertThat(inSubnet(vip, subnet)).as(vip + " in " + subnet).isTrue();
    assertThat(tasks.ips()).doesNotContain(vip);

    Container probe = ov.run("busybox", name("probe"), on("node2"));
    assertThat(addresses(probe.sh("nslookup tasks.web")))
        .containsExactlyInAnyOrderElementsOf(tasks.ips());
    assertThat(addresses(probe.sh("nslookup web"))).containsExactly(vip);

    // each task answers on its own address over the overlay, wherever it runs
    for (String ip : tasks.ips()) {
      assertThat(probe.sh("timeout 10 wget -qO- http://" + ip + "/").stdout())
          .contains("Welcome to nginx!");
    }

    if (s.ipvs()) {
      // the VIP is IPVS's: it balances the service's ports and answers nothing else (never run
      // here: this sandbox's kernel has no IPVS; libnetwork since 18.09 puts the VIP as an alias in
      // the lb-<net> sandbox, which may answer ping itself: if so, this is the line to change)
      PingResult ping = probe.ping(vip, 2);
      assertThat(ping.received()).as(ping.output()).isZero();
      ExecResult page = probe.sh("timeout 10 wget -qO- http://web/");
      assertThat(page.stdout()).as(page.output()).contains("Welcome to nginx!");

      // the routing mesh: the published port answers on every node
      HttpResult viaNode2 = web.http("node2");
      assertThat(viaNode2.status()).isEqualTo(200);
      assertThat(viaNode2.title()).isEqualTo("Welcome to nginx!");
      assertThat(viaNode2.url()).isEqualTo("http://" + s.node("node2").ip() + ":" + port + "/");
      assertThat(web.http().ok()).isTrue();
    } else {
      // a kernel without ip_vs (this sandbox's): said once, and again where the mesh fails
      System.out.println("no IPVS in this kernel: the VIP and routing-mesh checks cannot run");
      assertThat(notices).contains(Service.NO_IPVS);
      assertThatThrownBy(() -> web.http("node2"))
          .isInstanceOf(NetbookException.class)
          .hasMessageContaining("http://" + s.node("node2").ip() + ":" + port + "/")
          .hasMessageContaining("no IPVS");
    }

    assertThat(web.scale(1).tasks()).hasSize(1).allMatch(SwarmTask::running);
    assertThat(web.info().replicas()).isEqualTo(1);
    List<String> one = web.tasks().ips();
    List<String> answered = addresses(probe.sh("nslookup tasks.web"));
    for (int i = 0; i < 20 && !answered.equals(one); i++) {
      Thread.sleep(250); // the records of stopped tasks go as their containers leave the overlay
      answered = addresses(probe.sh("nslookup tasks.web"));
    }
    assertThat(answered).isEqualTo(one);
    if (s.ipvs()) {
      assertThat(web.http("node3").title()).isEqualTo("Welcome to nginx!");
    }

    Service db = s.service("db", "nginx", replicas(2), network("ov"), endpointMode("dnsrr"));
    ServiceInfo dbInfo = db.info();
    assertThat(dbInfo.endpointMode()).isEqualTo("dnsrr");
    assertThat(dbInfo.virtualIps()).isEmpty();
    assertThatThrownBy(db::vip).isInstanceOf(NetbookException.class).hasMessageContaining("dnsrr");
    assertThat(addresses(probe.sh("nslookup db")))
        .containsExactlyInAnyOrderElementsOf(db.tasks().ips());
    assertThat(s.services()).extracting(ServiceInfo::name).contains("web", "db");

    assertThatThrownBy(() -> s.service("web", "nginx"))
        .isInstanceOf(NetbookException.class)
        .hasMessageContaining("exists");
  }

  /** The addresses nslookup answered (the resolver's own, 127.0.0.11, left out). */
  private static List<String> addresses(ExecResult r) {
    String out = r.stdout();
    int answer = out.indexOf("Name:");
    assertThat(answer).as(r.output()).isNotNegative();
    Matcher m = IPV4.matcher(out.substring(answer));
    List<String> ips = new java.util.ArrayList<>();
    while (m.find()) {
      ips.add(m.group(1));
    }
    return ips;
  }

  private static boolean inSubnet(String ip, String cidr) {
    try {
      String[] parts = cidr.split("/");
      int len = Integer.parseInt(parts[1]);
      BigInteger a = new BigInteger(1, InetAddress.getByName(ip).getAddress());
      BigInteger n = new BigInteger(1, InetAddress.getByName(parts[0]).getAddress());
      return a.shiftRight(32 - len).equals(n.shiftRight(32 - len));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket ss = new ServerSocket(0)) {
      return ss.getLocalPort();
    }
  }
}
