package netbook.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import netbook.engine.ContainerInfo;
import netbook.engine.ContainerSpec;
import netbook.engine.Engine;
import netbook.engine.NetworkInfo;
import netbook.engine.NetworkSpec;
import netbook.engine.docker.DockerEngines;
import org.junit.jupiter.api.Test;

/** NETBOOK_NAME_PREFIX on the embedded engine: prefixed names, lesson names as aliases, scoping. */
class PrefixedEngineTest {
  private static final String HOST = "prefix-host";
  private static final long DEAD = Long.MAX_VALUE - 1;

  private static Session session(Engine e, String id) {
    return new Session(e, new SessionConfig(id, true, DEAD, "", l -> {}, null, HOST));
  }

  private static ContainerSpec sleeper(String name, String network) {
    return ContainerSpec.builder("netbook/toolbox")
        .name(name)
        .network(network)
        .cmd(List.of("sleep", "100"))
        .build();
  }

  @Test
  void namesArePrefixedAndTheLessonsNamesStillWork() {
    try (Engine plain = DockerEngines.embedded(OptionalLong.of(3))) {
      Engine e = new PrefixedEngine(plain, "soak1_");
      Session s = session(e, "s1");
      s.createNetwork(NetworkSpec.bridge("lan", null), Dialect.JAVA);
      StartedContainer web = s.run(sleeper("web", "lan"), Dialect.JAVA);

      assertThat(plain.findNetwork("soak1_lan")).isPresent();
      assertThat(plain.findNetwork("lan")).isEmpty();
      ContainerInfo real = plain.findContainer("soak1_web").orElseThrow();
      assertThat(real.id()).isEqualTo(web.id());
      assertThat(real.labels()).containsEntry(PrefixedEngine.LABEL_PREFIX, "soak1_");
      assertThat(real.endpoints())
          .singleElement()
          .satisfies(ep -> assertThat(ep.aliases()).contains("web"));
      // the lesson's names reach its own resources
      assertThat(e.findContainer("web").map(ContainerInfo::id)).contains(web.id());
      e.stop("web", java.time.Duration.ofSeconds(1));
      assertThat(plain.findContainer(web.id()).orElseThrow().state()).isNotEqualTo("running");
      e.removeContainer("web", true);
      e.removeNetwork("lan");
      assertThat(plain.findNetwork("soak1_lan")).isEmpty();
    }
  }

  @Test
  void aBareNameNeverMeansAnotherPrefixsOrTheUsersResource() {
    try (Engine plain = DockerEngines.embedded(OptionalLong.of(4))) {
      String users = plain.createContainer(sleeper("web", ""));
      NetworkInfo usersNet = plain.createNetwork(NetworkSpec.bridge("lan", null));
      Engine e = new PrefixedEngine(plain, "soak1_");

      assertThat(e.findContainer("web")).isEmpty();
      assertThat(e.findNetwork("lan")).isEmpty();
      // by id it is still readable; Docker's own networks keep their names
      assertThat(e.findContainer(users)).isPresent();
      assertThat(e.findNetwork(usersNet.id())).isPresent();
      assertThat(e.findNetwork("bridge")).isPresent();
      // so a lesson's web is made beside the user's, not refused
      Session s = session(e, "s2");
      s.run(sleeper("web", ""), Dialect.JAVA);
      assertThat(plain.findContainer("web").map(ContainerInfo::id)).contains(users);
      assertThat(plain.findContainer("soak1_web")).isPresent();
    }
  }

  @Test
  void theReaperOfAPrefixRemovesOnlyThatPrefixsDeadSessions() {
    try (Engine plain = DockerEngines.embedded(OptionalLong.of(5))) {
      Engine soak = new PrefixedEngine(plain, "soak1_");
      Engine other = new PrefixedEngine(plain, "other_");
      session(soak, "dead-soak").run(sleeper("aa", ""), Dialect.JAVA);
      session(soak, "dead-soak").createNetwork(NetworkSpec.bridge("n", null), Dialect.JAVA);
      session(other, "dead-other").run(sleeper("aa", ""), Dialect.JAVA);
      session(plain, "dead-plain").run(sleeper("aa", ""), Dialect.JAVA);
      session(plain, "dead-plain").createNetwork(NetworkSpec.bridge("n", null), Dialect.JAVA);

      CleanupReport r = new Reaper(soak, HOST, pid -> false).reap();

      assertThat(r.containers()).containsExactly("soak1_aa");
      assertThat(r.networks()).containsExactly("soak1_n");
      assertThat(plain.containers(true))
          .extracting(ContainerInfo::name)
          .containsExactlyInAnyOrder("other_aa", "aa");
      // and a start without a prefix reaps only what was made without one
      CleanupReport plainReap = new Reaper(plain, HOST, pid -> false).reap();
      assertThat(plainReap.containers()).containsExactly("aa");
      assertThat(plainReap.networks()).containsExactly("n");
      assertThat(plain.containers(true))
          .extracting(ContainerInfo::name)
          .containsExactly("other_aa");
    }
  }
}
