package netbook.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import netbook.engine.ContainerInfo;
import netbook.engine.IpamConfig;
import netbook.engine.NetworkInfo;
import netbook.engine.PortBinding;
import org.junit.jupiter.api.Test;

class DockerTablesTest {
  private static NetworkInfo net(String id, String name, String driver) {
    return new NetworkInfo(
        id,
        name,
        driver,
        "local",
        false,
        List.of(new IpamConfig("172.17.0.0/16", "172.17.0.1", "")),
        Map.of(),
        Map.of(),
        List.of(),
        null);
  }

  @Test
  void networkLsLooksLikeTheDockerCli() {
    String t =
        DockerTables.networks(
            List.of(
                net("3143420cfe08aaaa", "bridge", "bridge"),
                net("999e2e3eac57bbbb", "host", "host"),
                net("dce9e1997400cccc", "none", "null")));
    assertThat(t)
        .isEqualTo(
            """
        NETWORK ID     NAME      DRIVER    SCOPE
        3143420cfe08   bridge    bridge    local
        999e2e3eac57   host      host      local
        dce9e1997400   none      null      local
        """);
  }

  @Test
  void psQuotesAndCutsTheCommandAndShowsPorts() {
    Instant now = Instant.parse("2026-01-01T12:00:00Z");
    ContainerInfo c =
        new ContainerInfo(
            "ffa42d8d5fc9cf9f34e8",
            "web",
            "nginx",
            List.of("/docker-entrypoint.sh", "nginx", "-g", "daemon off;"),
            "running",
            "Up 2 minutes",
            now.minus(Duration.ofMinutes(2)),
            "",
            "default",
            Map.of(),
            List.of(),
            List.of(PortBinding.tcp(80, 80)));
    String t = DockerTables.containers(List.of(c), now);
    assertThat(t.lines().toList())
        .containsExactly(
            "CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS         PORTS                NAMES",
            "ffa42d8d5fc9   nginx     \"/docker-entrypoint.…\"   2 minutes ago   Up 2 minutes   0.0.0.0:80->80/tcp   web");
  }

  @Test
  void humanDurationsFollowDocker() {
    assertThat(DockerTables.human(Duration.ofSeconds(0))).isEqualTo("Less than a second");
    assertThat(DockerTables.human(Duration.ofSeconds(45))).isEqualTo("45 seconds");
    assertThat(DockerTables.human(Duration.ofSeconds(90))).isEqualTo("About a minute");
    assertThat(DockerTables.human(Duration.ofMinutes(70))).isEqualTo("About an hour");
    assertThat(DockerTables.human(Duration.ofDays(3))).isEqualTo("3 days");
  }

  @Test
  void sizesAreDecimalLikeDocker() {
    assertThat(DockerTables.size(1_240_000)).isEqualTo("1.24MB");
    assertThat(DockerTables.size(4_260)).isEqualTo("4.26kB");
    assertThat(DockerTables.size(999)).isEqualTo("999B");
  }
}
