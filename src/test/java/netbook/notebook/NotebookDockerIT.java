package netbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.NetworkSpec;
import netbook.lab.Session;
import netbook.lab.SessionConfig;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.Test;

/**
 * record → check → edited check on the real Docker daemon, and reaping an aborted run's leftovers.
 */
@RequiresDocker
class NotebookDockerIT {

  @Test
  void recordCheckAndReap(Engine engine) {
    String id = "nbit" + Long.toHexString(System.nanoTime() & 0xfffffff);
    String name = "it-" + id;
    String md =
        """
        # Pings

        ```java
        var n = net("%1$s-net");
        var a = n.run("netbook/toolbox", name("%1$s-a"));
        var b = n.run("netbook/toolbox", name("%1$s-b"));
        System.out.println(b.exec("ping", "-c", "1", "%1$s-a").output());
        ```

        ```java {expect=fail}
        var r = run("netbook/toolbox", name("%1$s-c")).exec("ping", "-c", "1", "-W", "1", "%1$s-a");
        if (!r.ok()) throw new IllegalStateException("no route by name: " + r.output().strip());
        ```
        """
            .formatted(id);
    try (Harness h = new Harness()) {
      // what an aborted run of the same notebook left behind: a dead pid
      Map<String, String> stale =
          Map.of(
              Session.LABEL_SESSION,
              id + "old",
              Session.LABEL_PID,
              "999999999",
              Session.LABEL_NOTEBOOK,
              name);
      engine.createNetwork(NetworkSpec.bridge(id + "-stale", stale));
      Session session =
          new Session(
              engine,
              new SessionConfig(id, true, ProcessHandle.current().pid(), "", l -> {}, null));
      try {
        Notebook nb = NotebookParser.parse(name + ".md", md);
        FileReport rec = h.runner(session, RunOptions.of(RunOptions.Mode.RECORD)).run(nb);
        assertThat(h.text())
            .contains(
                name
                    + ": removed 0 containers and 1 network ("
                    + id
                    + "-stale) left by an"
                    + " aborted earlier run (pid 999999999)");
        assertThat(rec.summary()).isEqualTo(name + ".md: 2 passed, 0 failed");
        String recorded = OutputRecorder.apply(nb, rec.outputs());
        assertThat(recorded).contains("0% packet loss");

        FileReport check =
            h.runner(session, RunOptions.of(RunOptions.Mode.CHECK))
                .run(NotebookParser.parse(name + ".md", recorded));
        assertThat(check.failed()).as(h.text()).isZero();

        FileReport edited =
            h.runner(session, RunOptions.of(RunOptions.Mode.CHECK))
                .run(
                    NotebookParser.parse(
                        name + ".md", recorded.replace("0% packet loss", "100% packet loss")));
        assertThat(edited.failed()).isEqualTo(1);
        assertThat(h.text())
            .contains("-1 packets transmitted, 1 packets received, 100% packet loss");
        assertThat(engine.findNetwork(id + "-net")).isEmpty();
      } finally {
        session.cleanup();
        try {
          engine.removeNetwork(id + "-stale");
        } catch (EngineException ignored) {
          // reaped already
        }
      }
    }
  }
}
