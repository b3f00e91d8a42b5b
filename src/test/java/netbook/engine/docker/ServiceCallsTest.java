package netbook.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.PortBinding;
import netbook.engine.ServiceSpec;
import netbook.engine.embedded.EmbeddedDockerApi;
import netbook.engine.embedded.model.EmbeddedOptions;
import org.junit.jupiter.api.Test;

/** What ServiceCalls reads of Docker's answers, and what the embedded engine says to services. */
class ServiceCallsTest {

  @Test
  void taskAddressesComeFromTheRawNetworksAttachments() {
    Map<String, Object> raw =
        Map.of(
            "NetworksAttachments",
            List.of(
                Map.of(
                    "Network",
                    Map.of("ID", "x1", "Spec", Map.of("Name", "ingress")),
                    "Addresses",
                    List.of("10.0.0.7/24")),
                Map.of(
                    "Network",
                    Map.of("ID", "y2", "Spec", Map.of("Name", "ov")),
                    "Addresses",
                    List.of("10.0.1.5/24", "fd00::5/64")),
                Map.of("Network", Map.of("ID", "z3"), "Addresses", List.of("10.0.2.9/24")),
                Map.of("Network", Map.of("ID", "w4"), "Addresses", List.of())));
    assertThat(ServiceCalls.addresses(raw))
        .containsExactly(
            Map.entry("ingress", "10.0.0.7/24"),
            Map.entry("ov", "10.0.1.5/24"),
            Map.entry("z3", "10.0.2.9/24"));
  }

  @Test
  void aTaskWithoutAttachmentsHasNoAddresses() {
    assertThat(ServiceCalls.addresses(Map.of())).isEmpty();
    assertThat(ServiceCalls.addresses(null)).isEmpty();
    assertThat(ServiceCalls.addresses(Map.of("NetworksAttachments", "odd"))).isEmpty();
  }

  @Test
  void imagesAreShownWithoutTheirPinnedDigest() {
    assertThat(ServiceCalls.withoutDigest("nginx:latest@sha256:abc")).isEqualTo("nginx:latest");
    assertThat(ServiceCalls.withoutDigest("netbook/web:latest")).isEqualTo("netbook/web:latest");
    assertThat(ServiceCalls.withoutDigest(null)).isEmpty();
  }

  @Test
  void anEmbeddedEngineOutsideASwarmSaysInOneLineThatServicesAreMadeOnAManager() {
    try (Engine engine = DockerEngines.embedded(new EmbeddedDockerApi(EmbeddedOptions.seeded(1)))) {
      ServiceSpec spec =
          new ServiceSpec(
              "web",
              "nginx",
              3,
              List.of("ov"),
              List.of(PortBinding.tcp(8080, 80)),
              "vip",
              List.of(),
              Map.of());
      assertThatThrownBy(() -> engine.createService(spec))
          .isInstanceOf(EngineException.class)
          .hasMessage(
              "service create web: this engine is not a Swarm manager; services are made on"
                  + " node1");
      assertThatThrownBy(engine::services).hasMessageContaining("not a Swarm manager");
      assertThatThrownBy(() -> engine.tasks("web")).isInstanceOf(EngineException.class);
    }
  }
}
