package netbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import netbook.engine.Engine;
import netbook.engine.docker.DockerEngines;
import netbook.lab.Session;
import netbook.lab.SessionConfig;
import netbook.shell.JavaShell;
import org.junit.jupiter.api.Test;

/** A Java cell and a console cell on the embedded engine: record, then check passes. */
class NotebookEmbeddedTest {

  private static final String MD =
      """
      # On the embedded engine

      ```java
      var n = net("my_bridge");
      var a = n.run("netbook/toolbox", name("container_a"));
      var b = n.run("netbook/toolbox", name("container_b"));
      System.out.println(b.exec("ping", "-c", "1", "container_a").output());
      ```

      ```console
      $ docker network ls
      NETWORK ID     NAME        DRIVER    SCOPE
      5400f00b0ff6   bridge      bridge    local
      b8091a21ae4c   host        host      local
      97ac278b6d1a   my_bridge   bridge    local
      84b2f783c5d0   none        null      local
      ```
      """;

  @Test
  void recordThenCheck() {
    try (Engine engine = DockerEngines.embedded(OptionalLong.of(1));
        Harness h = new Harness()) {
      Session session =
          new Session(
              engine,
              new SessionConfig("emb", true, ProcessHandle.current().pid(), "", l -> {}, null));
      NotebookRunner recorder =
          new NotebookRunner(
              session,
              () -> new JavaShell(h.router),
              s -> ConsoleTranscript.of(s, RunOptions.Mode.RECORD),
              h.out,
              h.renderer,
              RunOptions.of(RunOptions.Mode.RECORD));
      Notebook nb = NotebookParser.parse("emb.md", MD);
      FileReport rec = recorder.run(nb);
      assertThat(rec.summary()).as(h.text()).isEqualTo("emb.md: 2 passed, 0 failed");
      String recorded = OutputRecorder.apply(nb, rec.outputs());
      assertThat(recorded).contains("1 packets received, 0% packet loss");

      NotebookRunner checker =
          new NotebookRunner(
              session,
              () -> new JavaShell(h.router),
              s -> ConsoleTranscript.of(s, RunOptions.Mode.CHECK),
              h.out,
              h.renderer,
              RunOptions.of(RunOptions.Mode.CHECK));
      FileReport check = checker.run(NotebookParser.parse("emb.md", recorded));
      assertThat(check.summary()).as(h.text()).isEqualTo("emb.md: 2 passed, 0 failed");
      assertThat(engine.findNetwork("my_bridge")).isEmpty();
    }
  }
}
