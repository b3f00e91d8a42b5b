package netbook.lab;

import static netbook.lab.Lab.adoptNet;
import static netbook.lab.Lab.container;
import static netbook.lab.Lab.name;
import static netbook.lab.Lab.net;
import static netbook.lab.Lab.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import netbook.console.CommandResult;
import netbook.console.DockerConsole;
import netbook.engine.ContainerInfo;
import netbook.engine.ContainerSpec;
import netbook.engine.Endpoint;
import netbook.engine.Engine;
import netbook.engine.NetworkInfo;
import netbook.engine.NetworkSpec;
import netbook.engine.docker.DockerEngines;
import netbook.testing.RealDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.4: one ownership rule below the Java API and the docker console. A foreign container and
 * network (made through the engine port, without netbook's labels, as the user's own would be) may
 * be read, never changed, unless the user adopts them explicitly; cleanup disconnects a foreign
 * endpoint before it removes netbook's network. On the embedded engine.
 */
class OwnershipTest {
  private Engine engine;
  private Session session;
  private Lab.Binding binding;
  private DockerConsole console;
  private String theirs;
  private String theirNet;
  private final List<String> notices = new ArrayList<>();

  @BeforeEach
  void open() {
    engine = DockerEngines.embedded(OptionalLong.of(4));
    theirNet = engine.createNetwork(NetworkSpec.bridge("their_net", null)).id();
    theirs =
        engine.createContainer(
            ContainerSpec.builder("netbook/toolbox")
                .name("theirs")
                .network("their_net")
                .cmd(List.of("sleep", "1000"))
                .build());
    engine.start(theirs);
    session = RealDocker.session(engine, notices);
    binding = Lab.bind(session);
    console = DockerConsole.of(session);
  }

  @AfterEach
  void close() {
    try {
      session.cleanup();
      // cleanup never touches the user's own
      assertThat(engine.findContainer(theirs)).isPresent();
      assertThat(engine.findNetwork(theirNet)).isPresent();
    } finally {
      binding.close();
      engine.close();
    }
  }

  private ContainerInfo their() {
    return engine.findContainer(theirs).orElseThrow();
  }

  private List<String> networksOf(ContainerInfo c) {
    return c.endpoints().stream().map(Endpoint::network).toList();
  }

  private void assertUntouched() {
    ContainerInfo c = their();
    assertThat(c.running()).isTrue();
    assertThat(networksOf(c)).containsExactly("their_net");
  }

  private static String javaRefusal(String action) {
    return "container theirs was not created by this netbook session: netbook only reads it"
        + " (inspect, logs, ping from your own containers); to "
        + action
        + " it anyway, adopt it first: container(\"theirs\").adopt()";
  }

  @Test
  void theJavaApiRefusesEveryChangeToAForeignContainerWithOneLine() {
    Network mine = net("nb_mine");
    Container c = container("theirs");
    record Change(String action, Consumer<Container> call) {}
    List<Change> changes =
        List.of(
            new Change("disconnect", x -> x.disconnect("their_net")),
            new Change("connect", x -> x.connect(mine)),
            new Change("connect", x -> mine.connect(x)),
            new Change("run commands in", x -> x.sh("echo hi > /tmp/owned")),
            new Change("run commands in", x -> x.exec("hostname")),
            new Change("ping from", x -> x.ping("127.0.0.1", 1)),
            new Change("stop", Container::stop),
            new Change("start", Container::start),
            new Change("remove", Container::rm));
    for (Change ch : changes) {
      assertThatThrownBy(() -> ch.call().accept(c))
          .as(ch.action())
          .isInstanceOf(Ownership.Refused.class)
          .hasMessage(javaRefusal(ch.action()));
      assertUntouched();
    }
    assertThat(mine.info().endpoints()).isEmpty();
  }

  @Test
  void theConsoleRefusesTheSameChangesWithTheSameRule() {
    net("nb_mine");
    List<String> lines =
        List.of(
            "docker exec theirs hostname",
            "docker exec -it theirs sh",
            "docker attach theirs",
            "docker stop theirs",
            "docker kill theirs",
            "docker restart theirs",
            "docker rm -f theirs",
            "docker network disconnect their_net theirs",
            "docker network connect nb_mine theirs",
            "docker network rm their_net",
            "docker run -d --name intruder --network their_net netbook/toolbox sleep 100",
            "docker run -d --name sharer --network container:theirs netbook/toolbox sleep 100");
    for (String line : lines) {
      CommandResult r = console.run(line);
      assertThat(r.exitCode()).as(line).isEqualTo(1);
      assertThat(r.output())
          .as(line)
          .startsWith("refusing to ")
          .contains("was not created by this netbook session")
          .endsWith("anyway, add --adopt to the command\n");
      assertThat(r.output().strip()).as(line).doesNotContain("\n");
      assertUntouched();
    }
    assertThat(console.run("docker rm -f theirs").output())
        .isEqualTo(
            "refusing to remove theirs: that container was not created by this netbook session"
                + " (netbook only reads it: inspect, logs); to remove it anyway, add --adopt to the"
                + " command\n");
    assertThat(console.attached()).isEmpty();
    assertThat(engine.findContainer("intruder")).isEmpty();
    assertThat(engine.findContainer("sharer")).isEmpty();
    assertThat(engine.findNetwork("nb_mine").orElseThrow().endpoints()).isEmpty();
  }

  @Test
  void readingForeignResourcesStillWorks() {
    Container c = container("theirs");
    assertThat(c.inspect().value()).contains("theirs");
    c.logs();
    assertThat(c.networks()).containsExactly("their_net");
    assertThat(c.ip()).isNotEmpty();
    assertThat(console.run("docker inspect theirs").exitCode()).isZero();
    assertThat(console.run("docker logs theirs").exitCode()).isZero();
    assertThat(console.run("docker network inspect their_net").exitCode()).isZero();
    // ping from our own container is reading: ours on bridge pings theirs on bridge
    String bridged =
        engine.createContainer(
            ContainerSpec.builder("netbook/toolbox")
                .name("theirs_bridged")
                .cmd(List.of("sleep", "1000"))
                .build());
    engine.start(bridged);
    try {
      Container mine = run("busybox", name("mine"));
      String ip = container("theirs_bridged").ip();
      PingResult p = mine.ping(ip, 1);
      assertThat(p.ok()).as(p.toString()).isTrue();
      // and our own containers take exec as ever
      assertThat(mine.exec("hostname").exitCode()).isZero();
      assertThat(console.run("docker exec mine hostname").exitCode()).isZero();
    } finally {
      engine.removeContainer(bridged, true);
    }
  }

  @Test
  void netOfAForeignNameIsRefusedWithTheFixAndAdoptNetAllowsIt() {
    assertThatThrownBy(() -> net("their_net"))
        .isInstanceOf(Ownership.Refused.class)
        .hasMessage(
            "a network named their_net already exists and was not created by this netbook"
                + " session: netbook only reads it; use another name, e.g. net(\"nb_their_net\"),"
                + " or to use it anyway, adoptNet(\"their_net\")");
    assertThat(engine.findNetwork(theirNet).orElseThrow().endpoints()).hasSize(1);
    assertThatThrownBy(() -> container("x").connect("their_net"))
        .isInstanceOf(netbook.NetbookException.class);

    Network adopted = adoptNet("their_net");
    assertThat(notices).anyMatch(n -> n.startsWith("network their_net adopted"));
    Container guest = adopted.run("busybox", name("guest"));
    assertThat(guest.networks()).containsExactly("their_net");
    // Docker's own networks need no adopting
    assertThat(net("bridge").name()).isEqualTo("bridge");
    session.cleanup();
    NetworkInfo n = engine.findNetwork(theirNet).orElseThrow();
    assertThat(n.endpoints()).extracting(Endpoint::containerName).containsExactly("theirs");
  }

  @Test
  void anAdoptedForeignContainerOnOurNetworkNoLongerKeepsItFromCleanup() {
    Network mine = net("nb_mine");
    container("theirs").adopt().connect(mine);
    assertThat(networksOf(their())).containsExactlyInAnyOrder("their_net", "nb_mine");

    CleanupReport report = session.cleanup();
    assertThat(report.failed()).isEmpty();
    assertThat(report.networks()).containsExactly("nb_mine");
    assertThat(engine.findNetwork("nb_mine")).isEmpty();
    assertUntouched();
  }

  @Test
  void theConsoleAdoptsOnlyWhenAsked() {
    assertThat(console.run("docker network create nb_mine").exitCode()).isZero();
    CommandResult connect = console.run("docker network connect --adopt nb_mine theirs");
    assertThat(connect.exitCode()).as(connect.toString()).isZero();
    assertThat(networksOf(their())).containsExactlyInAnyOrder("their_net", "nb_mine");
    // the adoption holds for the session, in the Java API too
    assertThat(container("theirs").exec("hostname").exitCode()).isZero();

    CleanupReport report = session.cleanup();
    assertThat(report.networks()).containsExactly("nb_mine");
    assertThat(engine.findNetwork("nb_mine")).isEmpty();
    assertUntouched();
  }

  @Test
  void theReaperDisconnectsAForeignEndpointFromAnOrphanNetwork() {
    Network mine = net("nb_orphan");
    container("theirs").adopt().connect(mine);
    // the session dies: its pid is seen as gone
    CleanupReport reaped = new Reaper(engine, session.config().host(), pid -> false).reap();
    assertThat(reaped.networks()).containsExactly("nb_orphan");
    assertUntouched();
  }
}
