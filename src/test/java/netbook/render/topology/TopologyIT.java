package netbook.render.topology;

import static netbook.lab.Lab.diagram;
import static netbook.lab.Lab.name;
import static netbook.lab.Lab.net;
import static netbook.testing.RealDocker.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import netbook.engine.Engine;
import netbook.lab.Container;
import netbook.lab.Lab;
import netbook.lab.Network;
import netbook.lab.Session;
import netbook.testing.RealDocker;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.Test;

/** The chapter's user-defined network step on the real engine, drawn. */
@RequiresDocker
class TopologyIT {

  @Test
  void myBridgeIsDrawnBesideDocker0WithTheAddressesInspectReports(Engine engine) throws Exception {
    Session session = RealDocker.session(engine);
    Lab.Binding bound = Lab.bind(session);
    try {
      Topology before = Topology.snapshot(engine);
      String bridge = unique("my_bridge");
      Network net = net(bridge);
      Container a = net.run("ubuntu", name(unique("container_a")));
      Container b = net.run("ubuntu", name(unique("container_b")));

      Diagram d = diagram().width(200);
      String drawing = d.toString();
      String device = "br-" + net.id().substring(0, 12);
      assertThat(drawing)
          .contains("docker0")
          .contains(device)
          .contains("network " + bridge)
          .contains(net.subnet())
          .contains(a.name())
          .contains(b.name())
          .contains(a.ip(bridge) + "/")
          .contains(b.ip(bridge) + "/");
      Topology now = d.topology();
      assertThat(now.bridge(bridge).orElseThrow().device()).isEqualTo(device);
      assertThat(now.container(a.name()).orElseThrow().link(bridge).orElseThrow().veth())
          .as("the veth on %s leading to %s", device, a.name())
          .startsWith("veth");

      assertThat(TopologyDiff.between(before, now).lines())
          .contains(
              "+ network " + bridge + " " + net.subnet(),
              "+ " + a.name() + " joined " + bridge + " as " + a.ip(bridge),
              "+ " + b.name() + " joined " + bridge + " as " + b.ip(bridge));

      Path svg = d.svg("target/topology-it/my-bridge.svg");
      assertThat(SvgDiagramTest.texts(SvgDiagramTest.parse(Files.readString(svg))))
          .contains(a.name(), b.name(), "network " + bridge);
      Files.writeString(Path.of("target/topology-it/my-bridge.txt"), drawing);
    } finally {
      session.cleanup();
      bound.close();
    }
  }
}
