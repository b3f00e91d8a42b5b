package netbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import netbook.engine.ContainerSpec;
import netbook.engine.Engine;
import netbook.engine.NetworkSpec;
import netbook.engine.docker.DockerEngines;
import netbook.lab.CleanupReport;
import netbook.lab.Reaper;
import netbook.lab.Session;
import netbook.lab.SessionConfig;
import netbook.shell.JavaShell;
import org.junit.jupiter.api.Test;

/**
 * The soak of bench/soak.sh in-process, on one embedded engine (its state lives in this process, so
 * the replays share it here): replays of a notebook, some stopped by a Ctrl-C at a random point,
 * some "crashed" (stopped and never cleaned up, as after kill -9, with a pid that is gone); then
 * the reaper runs and nothing labelled is left, while the user's own container and network of the
 * lesson's names are untouched.
 */
class SoakTest {
  private static final int REPLAYS = 6;
  private static final long SEED = 7;
  private static final String HOST = "soak-host";

  private static final String NB =
      """
      # Soak

      ```java
      var n = net("soak_bridge");
      var a = n.run("ubuntu", name("soak_a"));
      var b = n.run("ubuntu", name("soak_b"));
      ```

      ```java
      Thread.sleep(400);
      b.ping("soak_b");
      ```

      ```console
      $ docker run -d --name soak_c --network soak_bridge netbook/toolbox sleep 100
      ```
      """;

  @Test
  void interruptedAndCrashedReplaysLeaveNothingOnceTheReaperRan() throws Exception {
    Random rnd = new Random(SEED);
    try (Engine engine = DockerEngines.embedded(OptionalLong.of(SEED));
        Harness h = new Harness();
        JavaShell shell = new JavaShell(h.router)) {
      String mine =
          engine.createContainer(
              ContainerSpec.builder("netbook/toolbox")
                  .name("soak_b")
                  .cmd(List.of("sleep", "100"))
                  .build());
      String mineNet = engine.createNetwork(NetworkSpec.bridge("soak_user_net", null)).id();
      Notebook nb = NotebookParser.parse("soak.md", NB);
      int crashes = 0;
      int interrupts = 0;
      for (int i = 0; i < REPLAYS; i++) {
        long deadPid = Long.MAX_VALUE - i; // no such process: the reaper treats it as gone
        Session s =
            new Session(
                engine, new SessionConfig("soak" + i, true, deadPid, "", l -> {}, null, HOST));
        NotebookRunner runner =
            new NotebookRunner(
                s,
                () -> shell,
                x -> ConsoleTranscript.of(x, RunOptions.Mode.RUN),
                h.out,
                h.renderer,
                new RunOptions(RunOptions.Mode.RUN, 0, 0, false, false, Duration.ofSeconds(20)));
        int what = rnd.nextInt(3);
        long delay = 50 + rnd.nextInt(600);
        runner.begin(nb);
        CompletableFuture<FileReport> run =
            CompletableFuture.supplyAsync(() -> runner.replay(nb, shell));
        if (what > 0) {
          Thread.sleep(delay);
          if (what == 1) {
            runner.interrupt();
            interrupts++;
          } else {
            runner.abort();
            crashes++;
          }
        }
        run.get(60, TimeUnit.SECONDS);
        if (what != 2) {
          runner.end(nb, false);
        }
      }
      CleanupReport reaped = new Reaper(engine, HOST, pid -> false).reap();
      assertThat(reaped.failed()).isEmpty();
      assertThat(engine.containers(true))
          .noneMatch(c -> Session.isNetbooks(c.labels()))
          .anyMatch(c -> c.id().equals(mine));
      assertThat(engine.networks())
          .noneMatch(n -> Session.isNetbooks(n.labels()))
          .anyMatch(n -> n.id().equals(mineNet));
      assertThat(h.text()).doesNotContain("\tat ");
      assertThat(crashes + interrupts).as("the seed interrupts some replays").isPositive();
    }
  }
}
