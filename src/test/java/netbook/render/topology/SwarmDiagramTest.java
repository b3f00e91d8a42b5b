package netbook.render.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import netbook.engine.IpamConfig;
import netbook.engine.NetworkInfo;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The swarm's drawing from hand-built multi-host snapshots: no Docker. */
class SwarmDiagramTest {
  private static final Topology.Bridge DOCKER0 =
      new Topology.Bridge("bridge", "docker0", "bridge", "172.17.0.0/16", "172.17.0.1");
  private static final Topology.Bridge GWBRIDGE =
      new Topology.Bridge(
          "docker_gwbridge", "docker_gwbridge", "bridge", "172.18.0.0/16", "172.18.0.1");
  private static final Topology.Bridge OV =
      new Topology.Bridge("ov", "", "overlay", "10.0.1.0/24", "10.0.1.1");
  private static final Topology.Bridge INGRESS =
      new Topology.Bridge("ingress", "", "overlay", "10.0.0.0/24", "10.0.0.1");
  private static final SwarmTopology.OverlayNet OV_NET =
      new SwarmTopology.OverlayNet("ov", "10.0.1.0/24", "4097");
  private static final SwarmTopology.OverlayNet INGRESS_NET =
      new SwarmTopology.OverlayNet("ingress", "10.0.0.0/24", "4096");

  private static Topology.Node container(String name, String network, String ip) {
    return new Topology.Node(
        name,
        "busybox",
        "running",
        network,
        List.of(new Topology.Link(network, ip, 24, "")),
        List.of());
  }

  private static SwarmTopology.Host host(
      String name, String role, String ip, List<Topology.Node> containers) {
    List<Topology.Bridge> bridges = new ArrayList<>(List.of(DOCKER0, GWBRIDGE, INGRESS));
    if (containers.stream().anyMatch(c -> c.link("ov").isPresent())) {
      bridges.add(OV);
    }
    return new SwarmTopology.Host(name, role, ip, new Topology(null, bridges, containers));
  }

  /** The lesson: an overlay with container_a on node1 and container_b on node3. */
  static SwarmTopology lesson() {
    return SwarmTopology.of(
        List.of(
            host(
                "node1",
                "manager",
                "172.20.0.2",
                List.of(container("container_a", "ov", "10.0.1.2"))),
            host("node2", "worker", "172.20.0.3", List.of()),
            host(
                "node3",
                "worker",
                "172.20.0.4",
                List.of(container("container_b", "ov", "10.0.1.4")))),
        List.of(INGRESS_NET, OV_NET));
  }

  private static Topology.Node multi(String name, String... links) {
    List<Topology.Link> ls = new ArrayList<>();
    for (String l : links) {
      String[] p = l.split(" ");
      ls.add(new Topology.Link(p[0], p[1], 24, ""));
    }
    return new Topology.Node(name, "busybox", "running", ls.get(0).network(), ls, List.of());
  }

  /** Two overlays and a service published on ingress, its tasks on node2 and node3. */
  static SwarmTopology busy() {
    Topology.Bridge backend =
        new Topology.Bridge("backend", "", "overlay", "10.0.2.0/24", "10.0.2.1");
    List<Topology.Bridge> all = List.of(DOCKER0, GWBRIDGE, INGRESS, OV, backend);
    return SwarmTopology.of(
        List.of(
            new SwarmTopology.Host(
                "node1",
                "manager",
                "172.20.0.2",
                new Topology(
                    null,
                    all,
                    List.of(multi("container_a", "ov 10.0.1.2"), multi("db", "backend 10.0.2.3")))),
            new SwarmTopology.Host(
                "node2",
                "worker",
                "172.20.0.3",
                new Topology(
                    null, all, List.of(multi("web.1.x1", "ingress 10.0.0.6", "ov 10.0.1.5")))),
            new SwarmTopology.Host(
                "node3",
                "worker",
                "172.20.0.4",
                new Topology(
                    null,
                    all,
                    List.of(
                        multi("container_b", "ov 10.0.1.4", "backend 10.0.2.4"),
                        multi("web.2.y2", "ingress 10.0.0.7", "ov 10.0.1.6"))))),
        List.of(
            INGRESS_NET, OV_NET, new SwarmTopology.OverlayNet("backend", "10.0.2.0/24", "4098")));
  }

  @Test
  void twoOverlaysAndIngressEachGetABandJoinedToTheirNodes() {
    SwarmTopology s = busy();
    assertThat(s.overlays())
        .extracting(SwarmTopology.OverlayNet::name)
        .containsExactly("backend", "ov", "ingress");
    String d = new SwarmTerminalDiagram(100, true).draw(s);
    assertThat(d.lines()).allMatch(l -> l.length() <= 100);
    assertThat(d)
        .contains("backend  10.0.2.0/24  VXLAN VNI 4098")
        .contains("ov  10.0.1.0/24  VXLAN VNI 4097")
        .contains("ingress  10.0.0.0/24  VXLAN VNI 4096  (routing mesh)")
        .contains("web.2.y2 10.0.0.7", "db 10.0.2.3", "container_b 10.0.2.4");
    // lines down from the nodes cross the bands above their own: ┼ where they do
    assertThat(d).contains("┼");
    assertThat(d.lines().findFirst().orElseThrow()).contains("node1", "node3");
    String svg = SwarmSvgDiagram.render(s);
    assertThat(svg).contains("stroke-dasharray"); // ingress dashed
  }

  @Test
  void aLineDownToALaterBandPassesBehindTheCaptionsItCrosses() {
    Topology.Node task =
        new Topology.Node(
            "web.2.5i3tzzzofp6902iafagwy3pyx",
            "busybox",
            "running",
            "ingress",
            List.of(new Topology.Link("ingress", "10.0.0.7", 24, "")),
            List.of());
    SwarmTopology s =
        SwarmTopology.of(
            List.of(
                host(
                    "node1",
                    "manager",
                    "192.168.80.2",
                    List.of(container("container_a", "ov", "10.0.1.2"), task)),
                host("node2", "worker", "192.168.80.3", List.of()),
                host(
                    "node3",
                    "worker",
                    "192.168.80.4",
                    List.of(container("container_b", "ov", "10.0.1.4")))),
            List.of(INGRESS_NET, OV_NET));
    String d = new SwarmTerminalDiagram(100, true).draw(s);
    assertThat(d).as(d).contains("│ ov  10.0.1.0/24  VXLAN VNI 4097 ").contains("web.2 10.0.0.7");
  }

  @Test
  void nodesSitSideBySideAndTheOverlayBandSpansNode1ToNode3() {
    String d = new SwarmTerminalDiagram(100, true).draw(lesson());
    List<String> lines = d.lines().toList();
    String titles = lines.get(0);
    assertThat(titles).contains("node1 · manager", "node2 · worker", "node3 · worker");
    int col3 = titles.indexOf("node3") - 5; // the title starts 5 columns into its box
    assertThat(d).contains("eth0 172.20.0.2", "docker0 172.17.0.0/16", "ov 10.0.1.2/24");
    assertThat(d).contains("ov  10.0.1.0/24  VXLAN VNI 4097");
    String members =
        lines.stream().filter(l -> l.contains("container_a 10.0.1.2")).findFirst().orElseThrow();
    assertThat(members).contains("container_b 10.0.1.4");
    assertThat(members.indexOf("container_b")).isGreaterThan(col3);
    assertThat(members.indexOf("container_a")).isLessThan(titles.indexOf("node2"));
    // the band's top edge runs from node1's column to node3's
    int band = lines.indexOf(members) - 2;
    assertThat(lines.get(band)).startsWith("┌").endsWith("┐");
    assertThat(lines.get(band).length()).isGreaterThan(col3 + 20);
    assertThat(d).doesNotContain("ingress"); // no service publishes a port
  }

  @Test
  void eightyColumnsStillHoldThreeNodesSideBySide() {
    String d = new SwarmTerminalDiagram(80, true).draw(lesson());
    assertThat(d.lines()).allMatch(l -> l.length() <= 80);
    assertThat(d.lines().findFirst().orElseThrow()).contains("node1", "node2", "node3");
    assertThat(d).contains("VXLAN VNI 4097", "container_b 10.0.1.4");
  }

  @Test
  void aNarrowTerminalStacksTheNodesAndListsTheOverlaysMembersWithTheirNode() {
    String d = new SwarmTerminalDiagram(40, true).draw(lesson());
    assertThat(d.lines()).allMatch(l -> l.length() <= 40);
    List<String> lines = d.lines().toList();
    int n1 = indexOf(lines, "node1");
    int n2 = indexOf(lines, "node2");
    int n3 = indexOf(lines, "node3 ·");
    assertThat(n1).isLessThan(n2);
    assertThat(n2).isLessThan(n3);
    assertThat(lines.get(n1)).doesNotContain("node2");
    assertThat(d)
        .contains("spans node1, node3")
        .contains("· container_a 10.0.1.2 on node1")
        .contains("· container_b 10.0.1.4 on node3")
        .contains("VXLAN VNI 4097");
  }

  @Test
  void theIngressBandAppearsOnlyWhenATaskSitsOnIt() {
    Topology.Node task =
        new Topology.Node(
            "web.1.xtrvpalojn3t6rst49zk2lc56",
            "nginx",
            "running",
            "ingress",
            List.of(
                new Topology.Link("ingress", "10.0.0.7", 24, ""),
                new Topology.Link("docker_gwbridge", "172.18.0.3", 16, "")),
            List.of());
    SwarmTopology s =
        SwarmTopology.of(
            List.of(
                host("node1", "manager", "172.20.0.2", List.of()),
                host("node2", "worker", "172.20.0.3", List.of(task))),
            List.of(INGRESS_NET, OV_NET));
    assertThat(s.overlays())
        .extracting(SwarmTopology.OverlayNet::name)
        .containsExactly("ov", "ingress");
    String d = new SwarmTerminalDiagram(100, true).draw(s);
    assertThat(d).contains("ingress  10.0.0.0/24", "VXLAN VNI 4096", "routing mesh");
    assertThat(d).contains("web.1 10.0.0.7").doesNotContain("xtrvpalojn3t6rst49zk2lc56");
    assertThat(d).contains("(no containers)"); // ov, with none on it yet
  }

  @Test
  void asciiAndTheCaptionOfTheDiagram() {
    Diagram d = Diagram.of(lesson());
    assertThat(d.isSwarm()).isTrue();
    assertThat(d.toString())
        .startsWith("swarm of 3 nodes, 1 overlay network, 2 running containers\n")
        .contains("node1 · manager");
    assertThat(d.ascii()).doesNotContain("┌", "│").contains("+-", "VXLAN VNI 4097");
    assertThat(d.width(40).drawing()).contains("spans node1, node3");
    assertThat(d.dot()).contains("cluster_node1", "VXLAN VNI 4097", "c_node3_container_b");
    assertThat(d.mermaid()).contains("subgraph node_node2", "ov_ov ---|\"10.0.1.2\"|");
  }

  @Test
  void theSvgIsStandaloneAndNamesNodesContainersAndTheVni() throws Exception {
    String svg = SwarmSvgDiagram.render(lesson());
    Document doc =
        DocumentBuilderFactory.newDefaultInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    NodeList ts = doc.getElementsByTagName("text");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < ts.getLength(); i++) {
      texts.add(ts.item(i).getTextContent());
    }
    assertThat(texts)
        .contains("node1 · manager", "node3 · worker", "container_a", "ov 10.0.1.2/24")
        .contains("ov  10.0.1.0/24  VXLAN VNI 4097", "container_b 10.0.1.4");
    assertThat(svg.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http", "href");
    assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(2); // two wires
  }

  @Test
  void theVniComesFromTheOverlayDriversOption() {
    NetworkInfo n =
        new NetworkInfo(
            "id1",
            "ov",
            "overlay",
            "swarm",
            false,
            List.of(new IpamConfig("10.0.1.0/24", "10.0.1.1", "")),
            Map.of(SwarmTopology.VXLAN_OPTION, "4097"),
            Map.of(),
            List.of(),
            Instant.EPOCH);
    assertThat(SwarmTopology.vni(n)).isEqualTo("4097");
  }

  private static int indexOf(List<String> lines, String s) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(s)) {
        return i;
      }
    }
    return -1;
  }
}
