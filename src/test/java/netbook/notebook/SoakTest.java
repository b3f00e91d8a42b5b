package netbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import netbook.engine.ContainerSpec;
import netbook.engine.Engine;
import netbook.engine.NetworkSpec;
import netbook.engine.docker.DockerEngines;
import netbook.lab.CleanupReport;
import netbook.lab.PrefixedEngine;
import netbook.lab.Reaper;
import netbook.lab.Session;
import netbook.lab.SessionConfig;
import netbook.shell.JavaShell;
import org.junit.jupiter.api.Test;

/**
 * The soak of bench/soak.sh in-process, on one embedded engine (its state lives in this process, so
 * the replays share it here), under a name prefix as the script runs: replays of a notebook, each
 * stopped inside a cell drawn at random (the first to the last), by a Ctrl-C (the run goes on) or a
 * "crash" (stopped and never cleaned up, as after kill -9, with a pid that is gone), or not at all;
 * then the prefix's reaper runs and nothing of the prefix is left, while the user's own container
 * and network, and what another (unprefixed) crashed session of this host left, are untouched.
 */
class SoakTest {
  private static final int REPLAYS = 6;
  private static final long SEED = 7;
  private static final String HOST = "soak-host";
  private static final String PREFIX = "soak1_";

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
      b.ping("soak_a");
      ```

      ```console
      $ docker run -d --name soak_c --network soak_bridge netbook/toolbox sleep 100
      ```

      ```java
      Thread.sleep(300); // a cell that runs long enough to be stopped, whichever cell was drawn
      ```
      """;

  @Test
  void interruptedAndCrashedReplaysLeaveNothingOnceThePrefixsReaperRan() throws Exception {
    Random rnd = new Random(SEED);
    try (Engine plain = DockerEngines.embedded(OptionalLong.of(SEED));
        Harness h = new Harness();
        JavaShell shell = new JavaShell(h.router)) {
      Engine engine = new PrefixedEngine(plain, PREFIX);
      String mine = plain.createContainer(sleeper("soak_b").build());
      String mineNet = plain.createNetwork(NetworkSpec.bridge("soak_user_net", null)).id();
      // what a crashed session without the prefix left: not the soak's to reap
      String othersDead =
          plain.createContainer(
              sleeper("other_dead")
                  .labels(
                      Map.of(
                          Session.LABEL_SESSION,
                          "other",
                          Session.LABEL_PID,
                          String.valueOf(Long.MAX_VALUE),
                          Session.LABEL_HOST,
                          HOST))
                  .build());
      Notebook nb = NotebookParser.parse("soak.md", NB);
      int crashes = 0;
      int interrupts = 0;
      AtomicInteger landed = new AtomicInteger();
      for (int i = 0; i < REPLAYS; i++) {
        long deadPid = Long.MAX_VALUE - 1 - i; // no such process: the reaper treats it as gone
        Session s =
            new Session(
                engine, new SessionConfig("soak" + i, true, deadPid, "", l -> {}, null, HOST));
        int what = i % 3; // none, Ctrl-C, crash
        int cell = 1 + rnd.nextInt(nb.cells().size());
        NotebookRunner[] runner = new NotebookRunner[1];
        Runnable stop =
            () -> {
              // as soon as the drawn cell runs: stop it (and, for a crash, all that follows)
              for (int t = 0; t < 5_000; t++) {
                if (runner[0].executor().interrupt()) {
                  if (what == 2) {
                    runner[0].abort();
                  }
                  landed.incrementAndGet();
                  return;
                }
                sleepQuietly(1);
              }
            };
        PrintWriter out = what == 0 ? h.out : watching(h.out, "── cell " + cell + " (", stop);
        runner[0] =
            new NotebookRunner(
                s,
                () -> shell,
                x -> ConsoleTranscript.of(x, RunOptions.Mode.RUN),
                out,
                h.renderer,
                new RunOptions(RunOptions.Mode.RUN, 0, 0, false, false, Duration.ofSeconds(20)));
        runner[0].begin(nb);
        CompletableFuture.supplyAsync(() -> runner[0].replay(nb, shell)).get(60, TimeUnit.SECONDS);
        if (what == 1) {
          interrupts++;
        } else if (what == 2) {
          crashes++;
        }
        if (what != 2) {
          runner[0].end(nb, false);
        }
      }
      assertThat(plain.containers(true))
          .as("the crashed replays left their containers")
          .anyMatch(c -> PrefixedEngine.madeUnder(c.labels(), PREFIX));
      CleanupReport reaped = new Reaper(engine, HOST, pid -> false).reap();
      assertThat(reaped.failed()).isEmpty();
      assertThat(plain.containers(true))
          .noneMatch(c -> PrefixedEngine.madeUnder(c.labels(), PREFIX))
          .anyMatch(c -> c.id().equals(mine))
          .anyMatch(c -> c.id().equals(othersDead));
      assertThat(plain.networks())
          .noneMatch(n -> Session.isNetbooks(n.labels()))
          .anyMatch(n -> n.id().equals(mineNet));
      assertThat(h.text()).doesNotContain("\tat ");
      assertThat(landed.get())
          .as(
              "stops that landed inside a running cell, of %d Ctrl-C and %d crashes",
              interrupts, crashes)
          .isEqualTo(interrupts + crashes);
    }
  }

  private static ContainerSpec.Builder sleeper(String name) {
    return ContainerSpec.builder("netbook/toolbox").name(name).cmd(List.of("sleep", "100"));
  }

  /** {@code out}, calling {@code action} on its own thread once a line contains {@code marker}. */
  private static PrintWriter watching(PrintWriter out, String marker, Runnable action) {
    AtomicBoolean fired = new AtomicBoolean();
    return new PrintWriter(
        new Writer() {
          @Override
          public void write(char[] buf, int off, int len) {
            out.write(buf, off, len);
            if (new String(buf, off, len).contains(marker) && fired.compareAndSet(false, true)) {
              Thread t = new Thread(action, "soak-stop");
              t.setDaemon(true);
              t.start();
            }
          }

          @Override
          public void flush() {
            out.flush();
          }

          @Override
          public void close() {
            out.flush();
          }
        },
        true);
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
