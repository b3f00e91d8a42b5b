package netbook.lab;

import static netbook.lab.Lab.name;
import static netbook.lab.Lab.on;
import static netbook.testing.RealDocker.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import netbook.engine.Engine;
import netbook.render.topology.Diagram;
import netbook.render.topology.SwarmTopology;
import netbook.testing.RealDocker;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's diagram on the real daemon: three nodes, an overlay with containers on node1 and
 * node3, drawn with the nodes side by side and the overlay's band with its VNI under them.
 */
@RequiresDocker
class SwarmDiagramIT {
  private Session session;
  private Lab.Binding binding;
  private final List<String> notices = new CopyOnWriteArrayList<>();
  private final String prefix = unique("sd") + "_";

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
  void drawsTheNodesSideBySideWithTheOverlayAndItsVni(@TempDir Path dir) throws Exception {
    Swarm s = Swarm.of(session, 3, prefix);
    Overlay ov = s.overlay("ov");
    Container a = ov.run("busybox", name("container_a"), on("node1"));
    Container b = ov.run("busybox", name("container_b"), on("node3"));
    String ipA = a.info().endpoint("ov").orElseThrow().ipv4();
    String ipB = b.info().endpoint("ov").orElseThrow().ipv4();

    Diagram d = s.diagram().width(100);
    SwarmTopology t = d.swarm();
    SwarmTopology.OverlayNet net =
        t.overlays().stream().filter(o -> o.name().equals("ov")).findFirst().orElseThrow();
    assertThat(net.vni()).as(t.toString()).matches("\\d+");
    assertThat(net.subnet()).startsWith("10.0.");
    assertThat(t.overlays()).noneMatch(SwarmTopology.OverlayNet::isIngress); // nothing published

    String text = d.toString();
    assertThat(text).as(text).startsWith("swarm of 3 nodes");
    String titles = text.lines().skip(1).findFirst().orElseThrow();
    assertThat(titles).contains("node1 · manager", "node2 · worker", "node3 · worker");
    assertThat(text)
        .contains("eth0 " + s.node("node2").ip())
        .contains("container_a", "container_b", "ov " + ipA + "/", "ov " + ipB + "/")
        .contains("VXLAN VNI " + net.vni())
        .contains("container_a " + ipA, "container_b " + ipB);
    assertThat(ipA).startsWith("10.0.");

    // Lab.diagram() draws the swarm once the session has one
    assertThat(Lab.diagram().isSwarm()).isTrue();
    Path svg = d.svg(dir.resolve("swarm.svg").toString());
    String doc = Files.readString(svg);
    assertThat(doc).contains("VXLAN VNI " + net.vni(), "container_b " + ipB, "node3 · worker");
    Path keep = Path.of("target", "swarm-diagram-it.svg");
    Files.writeString(keep, doc); // to look at after the run
    Files.writeString(Path.of("target", "swarm-diagram-it.txt"), text);
    long t0 = System.nanoTime();
    s.diagram().toString();
    System.out.printf(
        "swarm diagram of 3 nodes read and drawn in %d ms%n", (System.nanoTime() - t0) / 1_000_000);

    // a service publishing a port: its tasks sit on ingress, and the ingress band appears
    String image = session.resolveImage("busybox");
    for (Node n : s.nodes()) {
      if (n.engine().findImage(image).isEmpty()) {
        session.engine().copyImage(image, n.engine(), Duration.ofMinutes(2));
      }
    }
    var created =
        s.manager()
            .sh(
                "docker service create -d --no-resolve-image --name web --replicas 2"
                    + " --publish 8080:80 "
                    + image
                    + " httpd -f -p 80");
    assertThat(created.exitCode()).as(created.stdout() + created.stderr()).isZero();
    SwarmTopology withIngress = d.swarm();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      withIngress = s.diagram().swarm();
      if (withIngress.members("ingress").size() == 2) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(withIngress.members("ingress")).as(withIngress.toString()).hasSize(2);
    String drawn = Diagram.of(withIngress).width(100).toString();
    assertThat(drawn)
        .as(drawn)
        .contains("ingress  10.0.0.0/24", "routing mesh", "web.1 10.0.0.", "web.2 10.0.0.");
    Files.writeString(
        Path.of("target", "swarm-diagram-ingress-it.svg"), Diagram.of(withIngress).svgText());
    Files.writeString(Path.of("target", "swarm-diagram-ingress-it.txt"), drawn);
  }
}
