package netbook.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netbook.engine.ContainerInfo;
import netbook.engine.IpamConfig;
import netbook.engine.NetworkInfo;
import netbook.engine.PortBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20.4: doctor's findings, each from fakes of the host, the engine and the chapters. */
class DoctorChecksTest {
  private static final ChapterNeeds LAB =
      new ChapterNeeds(
          Map.of(),
          Map.of("10.77.0.0/24", "10-subnets-and-internal.md:20"),
          Map.of(new ChapterNeeds.Port("", 18081), "08-publishing-in-depth.md:20"),
          "");

  private static NetworkInfo network(String name, String subnet, Map<String, String> labels) {
    return new NetworkInfo(
        "id" + name,
        name,
        "bridge",
        "local",
        false,
        List.of(new IpamConfig(subnet, "", "")),
        Map.of(),
        labels,
        List.of(),
        Instant.EPOCH);
  }

  @Test
  void aHostInterfaceOnAChaptersSubnetIsAProblemNamingBothAndTheFix() {
    List<HostNetwork> host =
        List.of(
            new HostNetwork("eth0", "192.0.2.0/24", "its address"),
            new HostNetwork("tun0", "10.77.0.0/16", "its address"));
    List<Finding> f =
        SubnetCheck.check(LAB, host, List.of(), SubnetCheck.DOCKER_DEFAULT_POOLS, "the defaults");
    assertThat(f).filteredOn(Finding::isProblem).hasSize(1);
    assertThat(f.get(0).toString())
        .isEqualTo(
            "✗ subnets  10.77.0.0/24 (10-subnets-and-internal.md:20) overlaps this host's"
                + " 10.77.0.0/16 on tun0 (its address)\n"
                + "           fix: leave that network (a VPN: disconnect it for class), or change"
                + " the subnet in the chapter");
    assertThat(new Checkup(f).canStart()).isFalse();
  }

  @Test
  void noClashIsOneLineSayingTheSubnetIsFree() {
    List<Finding> f =
        SubnetCheck.check(
            LAB,
            List.of(new HostNetwork("eth0", "192.0.2.0/24", "its address")),
            List.of(network("bridge", "172.17.0.0/16", Map.of())),
            SubnetCheck.DOCKER_DEFAULT_POOLS,
            "the defaults");
    assertThat(f)
        .extracting(Finding::toString)
        .containsExactly(
            "✓ subnets  10.77.0.0/24 free",
            "✓ pools    Docker's address pools (the defaults) clash with nothing here");
  }

  @Test
  void aDockerNetworkOnTheSubnetIsAProblemWithItsRemovalOrCleanupForNetbooksOwn() {
    List<Finding> f =
        SubnetCheck.check(
            LAB,
            List.of(),
            List.of(
                network("theirs", "10.77.0.0/16", Map.of()),
                network("nb_sn_lab", "10.77.0.0/24", Map.of("netbook.session", "abc"))),
            null,
            "");
    assertThat(f).allMatch(Finding::isProblem).hasSize(2);
    assertThat(f.get(0).text()).contains("overlaps Docker network theirs (10.77.0.0/16)");
    assertThat(f.get(0).fix())
        .isEqualTo("docker network rm theirs (if nothing uses it), or use another subnet");
    assertThat(f.get(1).fix()).isEqualTo("a netbook session left it: bin/netbook cleanup");
  }

  @Test
  void aVpnRouteInDockersDefaultPoolIsAWarningWithTheDaemonJsonFix() {
    String proc =
        "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
            + "eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0\n"
            + "docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0\n"
            + "tun0\t000014AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0\n";
    List<HostNetwork> routes = HostNetwork.routes(proc);
    assertThat(routes).containsExactly(new HostNetwork("tun0", "172.20.0.0/16", "a route"));
    List<Finding> f =
        SubnetCheck.check(LAB, routes, List.of(), SubnetCheck.DOCKER_DEFAULT_POOLS, "the defaults");
    Finding pools = f.get(f.size() - 1);
    assertThat(pools.status()).isEqualTo(Finding.Status.WARN);
    assertThat(pools.text()).startsWith("172.20.0.0/16 on tun0 (a route) is in the pool");
    assertThat(pools.fix()).contains("default-address-pools in /etc/docker/daemon.json");
    assertThat(new Checkup(f).canStart()).isTrue();
  }

  @Test
  void daemonJsonsPoolsReplaceTheDefaults(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("daemon.json");
    Files.writeString(
        json, "{\"default-address-pools\":[{\"base\":\"10.200.0.0/16\",\"size\":24}]}");
    assertThat(SubnetCheck.pools(json)).containsExactly(new SubnetCheck.Pool("10.200.0.0/16", 24));
    Files.writeString(json, "{ not json");
    assertThat(SubnetCheck.pools(json)).isSameAs(SubnetCheck.DOCKER_DEFAULT_POOLS);
    assertThat(SubnetCheck.pools(dir.resolve("none.json")))
        .isSameAs(SubnetCheck.DOCKER_DEFAULT_POOLS);
  }

  @Test
  void aBusyPortIsFoundByTheBindTestAndNamesTheContainerThatPublishesIt() throws Exception {
    int port;
    try (ServerSocket held = new ServerSocket()) {
      held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      port = held.getLocalPort();
      assertThat(PortCheck.bindTest("127.0.0.1", port)).isPresent();
    }
    assertThat(PortCheck.bindTest("127.0.0.1", port)).isEmpty();
    ContainerInfo web =
        new ContainerInfo(
            "c1",
            "pp_open",
            "nginx",
            List.of(),
            "running",
            "Up",
            Instant.EPOCH,
            "",
            "bridge",
            Map.of(),
            List.of(),
            List.of(new PortBinding("0.0.0.0", 18081, 80, "tcp")));
    List<Finding> f =
        PortCheck.check(LAB, (a, p) -> Optional.of("address already in use"), List.of(web));
    assertThat(f).hasSize(1);
    assertThat(f.get(0).toString())
        .isEqualTo(
            "✗ ports    18081 (08-publishing-in-depth.md:20) is in use: container pp_open"
                + " publishes it\n"
                + "           fix: docker rm -f pp_open (if it is yours)");
    List<Finding> other =
        PortCheck.check(LAB, (a, p) -> Optional.of("address already in use"), List.of());
    assertThat(other.get(0).toString())
        .isEqualTo(
            "✗ ports    18081 is in use (08-publishing-in-depth.md:20: address already in use)\n"
                + "           fix: stop what listens there: ss -ltnp 'sport = :18081'");
    ChapterNeeds two =
        new ChapterNeeds(
            Map.of(),
            Map.of(),
            Map.of(
                new ChapterNeeds.Port("", 18001), "01-publishing-ports.md:49",
                new ChapterNeeds.Port("127.0.0.1", 18082), "08-publishing-in-depth.md:35",
                new ChapterNeeds.Port("", 18083), "08-publishing-in-depth.md:74"),
            "");
    List<Finding> grouped =
        PortCheck.check(
            two, (a, p) -> p == 18083 ? Optional.empty() : Optional.of("in use"), List.of());
    assertThat(grouped)
        .extracting(Finding::toString)
        .containsExactly(
            "✓ ports    18083 free",
            "✗ ports    18001, 18082 are in use (chapters 01, 08)\n"
                + "           fix: stop what listens there: ss -ltnp | grep -E ':(18001|18082) '");
    assertThat(PortCheck.check(LAB, (a, p) -> Optional.empty(), List.of()))
        .extracting(Finding::toString)
        .containsExactly("✓ ports    18081 free");
  }

  @Test
  void freePortsAreOneShortLine() {
    assertThat(
            PortCheck.ranges(
                List.of("80", "18001", "18002", "18081", "127.0.0.1:18082", "18083", "18084")))
        .isEqualTo("80, 18001-18002, 18081-18084");
  }

  @Test
  void theTerminalAndTheJdk() {
    assertThat(LocalChecks.terminal(false, 0, 0, "", false).status())
        .isEqualTo(Finding.Status.INFO);
    Finding small = LocalChecks.terminal(true, 70, 20, "xterm-256color", false);
    assertThat(small.status()).isEqualTo(Finding.Status.WARN);
    assertThat(small.fix()).isEqualTo("make the window at least 80x24");
    assertThat(LocalChecks.terminal(true, 100, 30, "tmux-256color", true).toString())
        .isEqualTo("✓ terminal 100x30, TERM=tmux-256color, no colour (NO_COLOR is set)");
    assertThat(LocalChecks.terminal(true, 100, 30, "dumb", false).status())
        .isEqualTo(Finding.Status.WARN);
    Runtime.Version v17 = Runtime.Version.parse("17.0.15");
    Finding jre = LocalChecks.jdk(v17, Optional.empty(), "/opt/jre");
    assertThat(jre.isProblem()).isTrue();
    assertThat(jre.fix()).contains("openjdk-17-jdk");
    assertThat(LocalChecks.jdk(Runtime.Version.parse("11"), Optional.empty(), "/j").text())
        .contains("needs Java 17");
    assertThat(LocalChecks.jdk(v17, ModuleLayer.boot().findModule("java.base"), "/j").status())
        .isEqualTo(Finding.Status.OK);
  }

  @Test
  void warningsLetAClassStartAProblemDoesNot() {
    Finding w = Finding.warn("images", "nginx not present: pulled on first use", "docker pull");
    Finding p = Finding.problem("ports", "18081 is in use", "stop it");
    assertThat(new Checkup(List.of(Finding.ok("jdk", "Java 17"), w)).canStart()).isTrue();
    assertThat(new Checkup(List.of(w)).verdict()).isEqualTo("ready for class (1 warning)");
    assertThat(new Checkup(List.of(w, p)).canStart()).isFalse();
    assertThat(new Checkup(List.of(w, p)).verdict())
        .isEqualTo("not ready: 1 problem, 1 warning (fixes above)");
  }

  @Test
  void theChaptersNeedsAreReadFromTheirCells(@TempDir Path dir) throws Exception {
    ChapterNeeds book = ChapterNeeds.of(Path.of("notebooks"));
    assertThat(book.subnets()).containsEntry("10.77.0.0/24", "10-subnets-and-internal.md:19");
    assertThat(book.ports())
        .containsEntry(new ChapterNeeds.Port("", 18001), "01-publishing-ports.md:49")
        .containsEntry(new ChapterNeeds.Port("127.0.0.1", 18082), "08-publishing-in-depth.md:35");
    assertThat(book.images()).containsKeys("ubuntu", "nginx");
    assertThat(book.swarm()).startsWith("11-overlay-networks.md:");
    Files.createDirectories(dir.resolve("exercises"));
    Files.writeString(
        dir.resolve("exercises/01-x.md"),
        "# X\n\nThe prose says --subnet 10.1.0.0/16 and is not read.\n\n```console\n"
            + "$ docker network create --subnet 10.9.0.0/24 x\n"
            + "$ docker run -d -p 127.0.0.1:8080:80 --name w busybox:1.36 sleep 9\n```\n\n"
            + "```java {skip}\nnet(\"y\", \"10.8.0.0/24\", \"10.8.0.1\")\n```\n");
    ChapterNeeds ex = ChapterNeeds.of(dir);
    assertThat(ex.subnets()).containsOnlyKeys("10.9.0.0/24");
    assertThat(ex.ports()).containsOnlyKeys(new ChapterNeeds.Port("127.0.0.1", 8080));
    assertThat(ex.images()).containsOnlyKeys("busybox:1.36");
    assertThat(ex.swarm()).isEmpty();
  }
}
