package netbook.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service records print as the docker CLI shows them. */
class ServiceRecordsTest {

  @Test
  void aSpecPrintsAsTheCommandThatMakesIt() {
    ServiceSpec web =
        new ServiceSpec(
            "web",
            "nginx",
            3,
            List.of("ov"),
            List.of(PortBinding.tcp(8080, 80)),
            "",
            List.of(),
            Map.of());
    assertThat(web.endpointMode()).isEqualTo("vip");
    assertThat(web)
        .hasToString("docker service create --name web --replicas 3 --network ov -p 8080:80 nginx");
    ServiceSpec db =
        new ServiceSpec(
            "db", "redis", 2, List.of("ov"), List.of(), "dnsrr", List.of("redis-server"), Map.of());
    assertThat(db)
        .hasToString(
            "docker service create --name db --replicas 2 --network ov --endpoint-mode dnsrr"
                + " redis redis-server");
  }

  @Test
  void aServicePrintsAsADockerServiceLsRow() {
    ServiceInfo web =
        new ServiceInfo(
            "id1",
            "web",
            "nginx:latest",
            3,
            "vip",
            List.of("n1"),
            List.of(PortBinding.tcp(8080, 80)),
            Map.of("n1", "10.0.1.2/24"),
            Map.of());
    assertThat(web).hasToString("web  replicated 3  nginx:latest  *:8080->80/tcp");
    ServiceInfo db =
        new ServiceInfo(
            "id2", "db", "redis", 2, "dnsrr", List.of("n1"), List.of(), Map.of(), Map.of());
    assertThat(db).hasToString("db  replicated 2  redis  (dnsrr)");
  }

  @Test
  void aTaskPrintsAsADockerServicePsRow() {
    ServiceTask up =
        new ServiceTask(
            "t1",
            "web.1",
            "node2",
            "running",
            "running",
            "",
            Map.of("ov", "10.0.1.5/24", "ingress", "10.0.0.7/24"));
    assertThat(up.running()).isTrue();
    assertThat(up).hasToString("web.1  node2  running  ingress=10.0.0.7/24  ov=10.0.1.5/24");
    ServiceTask rejected =
        new ServiceTask(
            "t2", "web.2", "", "rejected", "shutdown", "No such image: nginx", Map.of());
    assertThat(rejected.running()).isFalse();
    assertThat(rejected)
        .hasToString("web.2  -  rejected (desired shutdown)  \"No such image: nginx\"");
    ServiceTask stopping =
        new ServiceTask("t3", "web.3", "node3", "running", "shutdown", "", Map.of());
    assertThat(stopping.running()).isFalse();
  }
}
