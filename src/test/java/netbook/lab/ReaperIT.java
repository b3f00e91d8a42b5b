package netbook.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import netbook.engine.ContainerSpec;
import netbook.engine.Engine;
import netbook.engine.NetworkSpec;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.Test;

/** Crash reaping on the real engine: orphans go, live sessions and foreign things stay. */
@RequiresDocker
class ReaperIT {
  private static final String HOST = "reaper-it-" + UUID.randomUUID().toString().substring(0, 6);

  private static Map<String, String> labels(String session, long pid, String host) {
    return Map.of(
        Session.LABEL_SESSION,
        session,
        Session.LABEL_PID,
        String.valueOf(pid),
        Session.LABEL_HOST,
        host);
  }

  private static String container(Engine e, String name, Map<String, String> labels) {
    return e.createContainer(
        ContainerSpec.builder(LabImages.TOOLBOX)
            .name(name)
            .cmd(List.of("sleep", "60"))
            .labels(labels)
            .build());
  }

  @Test
  void removesWhatDeadSessionsOfThisHostLeftAndNothingElse(Engine e) throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    long deadPid = gone.pid();
    long livePid = ProcessHandle.current().pid();
    String s = UUID.randomUUID().toString().substring(0, 6);
    String orphan = container(e, "orphan_" + s, labels("dead" + s, deadPid, HOST));
    e.createNetwork(NetworkSpec.bridge("orphan_net_" + s, labels("dead" + s, deadPid, HOST)));
    String live = container(e, "live_" + s, labels("live" + s, livePid, HOST));
    String elsewhere = container(e, "elsewhere_" + s, labels("far" + s, deadPid, HOST + "-other"));
    String foreign = container(e, "foreign_" + s, Map.of());
    try {
      CleanupReport r = new Reaper(e, HOST, pid -> ProcessHandle.of(pid).isPresent()).reap();
      assertThat(r.containers()).containsExactly("orphan_" + s);
      assertThat(r.networks()).containsExactly("orphan_net_" + s);
      assertThat(e.findContainer(orphan)).isEmpty();
      assertThat(e.findContainer(live)).isPresent();
      assertThat(e.findContainer(elsewhere)).isPresent();
      assertThat(e.findContainer(foreign)).isPresent();
    } finally {
      for (String id : List.of(live, elsewhere, foreign)) {
        e.removeContainer(id, true);
      }
    }
  }

  @Test
  void leavesWhatASessionKeptOnPurposeAndItsCleanupAllRemovesIt(Engine e) throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    long deadPid = gone.pid();
    String s = UUID.randomUUID().toString().substring(0, 6);
    String keptId = "kept" + s;
    String kept = container(e, "kept_" + s, labels(keptId, deadPid, HOST));
    e.createNetwork(NetworkSpec.bridge("kept_net_" + s, labels(keptId, deadPid, HOST)));
    KeptSessions record = KeptSessions.none();
    Session earlier =
        new Session(
            e,
            new SessionConfig(
                keptId, true, deadPid, "", line -> {}, java.time.Duration.ofSeconds(5), HOST));
    earlier.kept(record);
    earlier.keep(); // answered n at the exit
    try {
      CleanupReport r =
          new Reaper(e, HOST, pid -> ProcessHandle.of(pid).isPresent(), record.ids()).reap();
      assertThat(r.containers()).doesNotContain("kept_" + s);
      assertThat(r.networks()).doesNotContain("kept_net_" + s);
      assertThat(e.findContainer(kept)).isPresent();
      assertThat(record.resources(e, HOST)).containsExactly("kept_" + s, "kept_net_" + s);

      Session next =
          new Session(
              e,
              new SessionConfig(
                  "next" + s, true, ProcessHandle.current().pid(), "", line -> {}, null, HOST));
      next.kept(record);
      CleanupReport removed = next.cleanupAll();
      assertThat(removed.containers()).containsExactly("kept_" + s);
      assertThat(removed.networks()).containsExactly("kept_net_" + s);
      assertThat(e.findContainer(kept)).isEmpty();
      assertThat(record.ids()).isEmpty();
    } finally {
      e.findContainer(kept).ifPresent(c -> e.removeContainer(c.id(), true));
      e.findNetwork("kept_net_" + s).ifPresent(n -> e.removeNetwork(n.id()));
    }
  }
}
