package netbook.render.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class SvgDiagramTest {

  @Test
  void isWellFormedSvgNamingEveryContainerAndNetwork() throws Exception {
    for (Topology t :
        List.of(
            Scenarios.defaultBridge(),
            Scenarios.myBridge(),
            Scenarios.twoNetworks(),
            Scenarios.hostAndNone())) {
      Document doc = parse(SvgDiagram.render(t));
      assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
      assertThat(doc.getDocumentElement().getNamespaceURI())
          .isEqualTo("http://www.w3.org/2000/svg");
      List<String> texts = texts(doc);
      String all = String.join("\n", texts);
      for (Topology.Node n : t.containers()) {
        assertThat(all).contains(n.name());
        for (Topology.Link l : n.links()) {
          assertThat(all).contains(l.ip());
        }
      }
      for (Topology.Bridge b : t.bridges()) {
        assertThat(all).contains("network " + b.network()).contains(b.device());
      }
    }
  }

  @Test
  void escapesNamesThatAreNotXml() throws Exception {
    Topology t =
        Scenarios.base().container("a<&>\"b", "bridge", "bridge 172.17.0.2 veth1").topology();
    assertThat(texts(parse(SvgDiagram.render(t)))).contains("a<&>\"b");
  }

  @Test
  void diagramWritesTheSvgFile(@TempDir Path dir) throws Exception {
    Diagram d = Diagram.of(Scenarios.myBridge());
    Path written = d.svg(dir.resolve("sub/net.svg").toString());
    assertThat(written).exists().isAbsolute();
    parse(Files.readString(written));
    assertThat(d.toString()).contains("container_a").contains("172.18.0.2/16");
    assertThat(d.ascii()).doesNotContain("┌");
  }

  @Test
  void dotAndMermaidJoinAMultiHomedContainerToBothBridges() {
    Topology t = Scenarios.twoNetworks();
    String dot = GraphText.dot(t);
    assertThat(dot)
        .startsWith("graph netbook {")
        .contains("net_bridge -- c_container_1 [label=\"veth3fc36ad\\n172.17.0.2\"]")
        .contains("net_my_bridge -- c_container_1 [label=\"veth5d2a9e1\\n172.18.0.3\"]")
        .endsWith("}\n");
    String mermaid = GraphText.mermaid(t);
    assertThat(mermaid)
        .startsWith("flowchart TB")
        .contains("net_my_bridge ---|\"veth5d2a9e1 172.18.0.3\"| c_container_1");
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static List<String> texts(Document doc) {
    NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }
}
