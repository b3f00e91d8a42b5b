package netbook.render.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopologyDiffTest {

  @Test
  void creatingMyBridgeAndItsContainers() {
    Topology before =
        Scenarios.base().container("container_1", "bridge", "bridge 172.17.0.3 veth1").topology();
    Topology after = Scenarios.myBridge();
    assertThat(TopologyDiff.between(before, after).lines())
        .containsExactly(
            "+ network my_bridge 172.18.0.0/16",
            "+ container_a joined my_bridge as 172.18.0.2",
            "+ container_b joined my_bridge as 172.18.0.3");
  }

  @Test
  void removingEverythingReadsInReverse() {
    TopologyDiff diff = TopologyDiff.between(Scenarios.myBridge(), Scenarios.base().topology());
    assertThat(diff.lines())
        .containsExactly(
            "- container_1 left bridge (removed)",
            "- container_a left my_bridge (removed)",
            "- container_b left my_bridge (removed)",
            "- network my_bridge");
  }

  @Test
  void stoppingAContainerAndPublishingAPort() {
    Topology before = Scenarios.defaultBridge();
    Topology after =
        Scenarios.base()
            .container("container_1", "bridge", "bridge 172.17.0.3 veth3fc36ad")
            .stopped("container_2")
            .published("web", 8080, 80, "bridge 172.17.0.2 veth9")
            .topology();
    assertThat(TopologyDiff.between(before, after).toString())
        .isEqualTo(
            String.join(
                "\n",
                "+ web joined bridge as 172.17.0.2",
                "+ published host:8080 → web:80",
                "- container_2 left bridge (exited)"));
  }

  @Test
  void connectingASecondNetworkAndHostAndNone() {
    Topology before = Scenarios.myBridge();
    Topology after =
        Scenarios.base()
            .network("my_bridge", Scenarios.MY_BRIDGE_ID, "172.18.0.0/16", "172.18.0.1")
            .container(
                "container_1",
                "bridge",
                "bridge 172.17.0.3 veth3fc36ad",
                "my_bridge 172.18.0.4 veth7")
            .container("container_a", "my_bridge", "my_bridge 172.18.0.2 veth6c1e0a2")
            .container("container_b", "my_bridge", "my_bridge 172.18.0.3 veth91b4d07")
            .container("h", "host")
            .topology();
    assertThat(TopologyDiff.between(before, after).lines())
        .containsExactly(
            "+ container_1 joined my_bridge as 172.18.0.4", "+ h runs on network host");
  }

  @Test
  void sameSnapshotHasNoChanges() {
    assertThat(TopologyDiff.between(Scenarios.twoNetworks(), Scenarios.twoNetworks()).isEmpty())
        .isTrue();
  }
}
