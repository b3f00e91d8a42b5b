package netbook.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import netbook.engine.ContainerSpec;
import netbook.engine.Engine;
import netbook.engine.NetworkSpec;
import netbook.engine.docker.DockerEngines;
import netbook.lab.Container;
import netbook.lab.Lab;
import netbook.lab.Session;
import netbook.testing.RealDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 17.9: {@code docker inspect -f} and {@code inspect("A.B")} on the embedded engine. */
class InspectFormatTest {
  private Engine engine;
  private Session session;
  private DockerConsole console;

  @BeforeEach
  void open() {
    engine = DockerEngines.embedded(OptionalLong.of(4));
    engine.createNetwork(NetworkSpec.bridge("fmt_net", null));
    String id =
        engine.createContainer(
            ContainerSpec.builder("netbook/toolbox")
                .name("fmt_c")
                .network("fmt_net")
                .cmd(List.of("sleep", "1000"))
                .build());
    engine.start(id);
    session = RealDocker.session(engine);
    console = DockerConsole.of(session);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void formatPrintsEachObjectThroughTheTemplate() {
    String ip = engine.findContainer("fmt_c").orElseThrow().endpoints().get(0).ipv4();
    CommandResult r =
        console.run(
            "docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' fmt_c");
    assertThat(r.exitCode()).isZero();
    assertThat(r.output()).isEqualTo(ip + "\n");
    assertThat(console.run("docker inspect --format '{{.Name}}' fmt_c fmt_net").output())
        .isEqualTo("/fmt_c\nfmt_net\n");
    assertThat(console.run("docker network inspect -f '{{.Driver}}' fmt_net").output())
        .isEqualTo("bridge\n");
  }

  @Test
  void aBadTemplateIsOnePlainLine() {
    CommandResult r = console.run("docker inspect -f '{{.Nope}}' fmt_c");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.output().strip())
        .startsWith("template: .Nope: no key \"Nope\" at the top level: keys there: Id,")
        .doesNotContain("\n")
        .doesNotContain("Exception");
  }

  @Test
  void inspectWithAPathShowsThatPart() {
    Container c = session.container("fmt_c");
    assertThat(c.inspect("NetworkSettings.Networks.fmt_net.IPAddress").value())
        .isEqualTo(engine.findContainer("fmt_c").orElseThrow().endpoints().get(0).ipv4());
    assertThat(c.inspect("NetworkSettings.Networks").value()).startsWith("{\n    \"fmt_net\": {");
    Lab.within(
        session, () -> assertThat(Lab.net("bridge").inspect("Driver").value()).isEqualTo("bridge"));
  }
}
