package netbook.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The line that names another netbook session: running here, running elsewhere, or ended. */
class OtherSessionTest {
  private final Session me =
      new Session(
          null, new SessionConfig("me", true, 4242, "", l -> {}, Duration.ofSeconds(5), "vm"));

  private static Map<String, String> labels(String session, long pid, String host) {
    return Map.of(
        Session.LABEL_SESSION,
        session,
        Session.LABEL_PID,
        String.valueOf(pid),
        Session.LABEL_HOST,
        host,
        Session.LABEL_STARTED,
        "2020-01-02T03:04:05Z");
  }

  @Test
  void aRunningSessionOfThisMachineIsNamedByPidAndStart() throws Exception {
    long pid = ProcessHandle.current().pid();
    OtherSession o = me.other(labels("other", pid, "vm"), null).orElseThrow();
    assertThat(o.live()).isTrue();
    assertThat(o.nameTaken("network", "mn_front", "net(\"mn_front_4242\")"))
        .matches(
            "network mn_front belongs to another netbook session \\(pid "
                + pid
                + ", started 2020-01-02 \\d\\d:04\\): netbook never uses another session's"
                + " networks; use another name, e.g. net\\(\"mn_front_4242\"\\), or run one"
                + " session at a time \\(wait for pid "
                + pid
                + " to end\\)");
  }

  @Test
  void anEndedSessionOrOneElsewhereIsSaidSo() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    OtherSession ended = me.other(labels("old", gone.pid(), "vm"), null).orElseThrow();
    assertThat(ended.live()).isFalse();
    assertThat(ended.nameTaken("container", "web", "name(\"web_4242\")"))
        .startsWith("container web was left by a netbook session that has ended (pid " + gone.pid())
        .endsWith(
            "the next start of bin/netbook removes it; until then use another name, e.g."
                + " name(\"web_4242\")");
    OtherSession far = me.other(labels("far", gone.pid(), "laptop"), null).orElseThrow();
    assertThat(far.live()).isTrue();
    assertThat(far.who()).startsWith("another netbook session (pid " + gone.pid() + " on laptop,");
  }

  @Test
  void thisSessionsOwnAndForeignResourcesAreNoOtherSession() {
    assertThat(me.other(me.labels(), null)).isEmpty();
    assertThat(me.other(Map.of("app", "theirs"), null)).isEmpty();
  }
}
