package netbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import netbook.engine.ContainerSpec;
import netbook.engine.Engine;
import netbook.engine.NetworkSpec;
import netbook.engine.docker.DockerEngines;
import netbook.lab.CleanupReport;
import netbook.lab.KeptSessions;
import netbook.lab.Session;
import netbook.lab.SessionConfig;
import netbook.notebook.StaleResources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17.17, keep means keep: what a session kept on purpose is not reaped as a crashed session's
 * at the next start, but listed in one line; {@code cleanupAll()} (the REPL's {@code cleanup()},
 * {@code bin/netbook cleanup}) removes it. On the embedded engine.
 */
class KeptSessionsTest {
  private static final String HOST = "testhost";
  private static final long DEAD = 999_999_991L;

  @TempDir Path home;
  private Engine engine;
  private KeptSessions kept;
  private final List<String> notices = new ArrayList<>();

  @BeforeEach
  void open() {
    engine = DockerEngines.embedded(OptionalLong.of(4));
    kept = KeptSessions.at(home.resolve(".netbook").resolve("kept"));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private Session earlier(String id) {
    return new Session(
        engine, new SessionConfig(id, true, DEAD, "", notices::add, Duration.ofSeconds(5), HOST));
  }

  private void make(String id, String container, String network) {
    Map<String, String> labels =
        Map.of(
            Session.LABEL_SESSION, id,
            Session.LABEL_PID, String.valueOf(DEAD),
            Session.LABEL_HOST, HOST);
    engine.createNetwork(NetworkSpec.bridge(network, labels));
    engine.createContainer(
        ContainerSpec.builder("netbook/toolbox")
            .name(container)
            .cmd(List.of("sleep", "1000"))
            .labels(labels)
            .build());
  }

  private void startAgain() {
    SessionOpener.reap(engine, HOST, pid -> pid != DEAD, kept, notices::add);
  }

  @Test
  void aKeptSessionIsListedAtTheNextStartNotReapedAndCleanupRemovesIt() throws Exception {
    make("keptid", "kept_a", "kept_net");
    make("crashid", "crashed_a", "crashed_net");
    Session first = earlier("keptid");
    first.kept(kept);
    first.keep(); // the exit's n, or --keep

    assertThat(Files.readAllLines(home.resolve(".netbook/kept"))).containsExactly("keptid");
    startAgain();

    assertThat(engine.findContainer("kept_a")).isPresent();
    assertThat(engine.findNetwork("kept_net")).isPresent();
    assertThat(engine.findContainer("crashed_a")).isEmpty();
    assertThat(notices)
        .contains(
            "netbook: kept from an earlier session: kept_a, kept_net — cleanup() or bin/netbook"
                + " cleanup removes them");
    assertThat(notices.stream().filter(l -> l.contains("crashed sessions")))
        .singleElement()
        .asString()
        .contains("crashed_a")
        .doesNotContain("kept_a");

    Session next = earlier("nextid");
    next.kept(kept);
    CleanupReport r = next.cleanupAll();
    assertThat(r.containers()).containsExactly("kept_a");
    assertThat(r.networks()).containsExactly("kept_net");
    assertThat(kept.ids()).isEmpty();

    notices.clear();
    startAgain();
    assertThat(notices).noneMatch(l -> l.contains("kept"));
  }

  @Test
  void aSessionsOwnCleanupLeavesWhatEarlierSessionsKept() {
    make("keptid", "kept_b", "kept_net_b");
    kept.add("keptid");
    Session next = earlier("nextid");
    next.kept(kept);
    assertThat(next.cleanup().nothing()).isTrue(); // a notebook's end: its own only
    assertThat(engine.findContainer("kept_b")).isPresent();
    assertThat(kept.ids()).containsExactly("keptid");
  }

  @Test
  void theCleanupCommandIsASubcommand() {
    assertThat(Main.plain(new String[] {"cleanup"})).isNull();
  }

  @Test
  void aNotebookRunAgainRemovesWhatItsKeptRunMadeAndSaysItWasKept() {
    Map<String, String> labels =
        Map.of(
            Session.LABEL_SESSION,
            "keptid",
            Session.LABEL_PID,
            String.valueOf(DEAD),
            Session.LABEL_HOST,
            HOST,
            Session.LABEL_NOTEBOOK,
            "ch");
    engine.createNetwork(NetworkSpec.bridge("ch_net", labels));
    assertThat(StaleResources.reap(engine, "ch", pid -> false, Set.of("keptid")))
        .isEqualTo(
            "ch: removed 0 containers and 1 network (ch_net) an earlier run kept (--keep), to"
                + " run it again");
  }
}
