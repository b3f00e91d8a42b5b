package netbook.render.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import netbook.engine.HostInterface;
import netbook.engine.IpamConfig;
import netbook.engine.NetworkInfo;
import org.junit.jupiter.api.Test;

class TopologyReaderTest {
  @Test
  void readsTheChapterScenarioFromPortRecords() {
    Topology t = Scenarios.twoNetworks();
    assertThat(t.uplink()).hasToString("eth0 172.31.18.82/20");
    assertThat(t.bridges())
        .extracting(Topology.Bridge::network)
        .containsExactly("bridge", "my_bridge");
    assertThat(t.bridge("my_bridge").orElseThrow().device()).isEqualTo("br-97ac278b6d1a");
    assertThat(t.container("container_1").orElseThrow())
        .hasToString(
            "container_1 (running, bridge 172.17.0.2/16 via veth3fc36ad,"
                + " my_bridge 172.18.0.3/16 via veth5d2a9e1)");
    assertThat(t.on("my_bridge"))
        .extracting(Topology.Node::name)
        .containsExactly("container_a", "container_1");
  }

  @Test
  void defaultBridgeWithoutIpamGatewayTakesDocker0sAddress() {
    NetworkInfo bridge =
        new NetworkInfo(
            "f29a3bf91604" + "0".repeat(52),
            "bridge",
            "bridge",
            "local",
            false,
            List.of(new IpamConfig("172.17.0.0/16", null, "")),
            Map.of(),
            Map.of(),
            List.of(),
            Instant.EPOCH);
    HostInterface docker0 =
        new HostInterface(3, "docker0", "bridge", "", List.of("172.17.0.1/16"), true, "", "", 0);
    Topology t = TopologyReader.from(List.of(bridge), List.of(), List.of(docker0));
    assertThat(t.bridge("bridge").orElseThrow().gateway()).isEqualTo("172.17.0.1");
    assertThat(t.uplink()).isEqualTo(Topology.Uplink.UNKNOWN);
  }
}
