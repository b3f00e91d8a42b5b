package netbook.repl;

import static netbook.testing.FakePullDaemon.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import netbook.engine.Engine;
import netbook.engine.PullProgress;
import netbook.engine.docker.DockerEngines;
import netbook.lab.Session;
import netbook.lab.SessionConfig;
import netbook.render.PullProgressPrinter;
import netbook.testing.FakePullDaemon;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C during a pull, through the REPL's own interrupt path (what its signal handler calls): the
 * pull's stream is closed, "pull of … cancelled" is said, and the session goes on. The daemon is a
 * loopback stand-in whose pull never ends.
 */
class PullCancelTest {
  static final String IMAGE = "127.0.0.1:5999/netbook-test/slow";

  @Test
  void ctrlCCancelsAPullFromJavaAndFromADockerLine() throws Exception {
    List<String> stalls =
        List.of(
            line("latest", "Pulling from netbook-test/slow", null, null),
            line("aaa", "Pulling fs layer", null, null),
            line("aaa", "Downloading", 1_000L, 50_000_000L));
    StringWriter progress = new StringWriter();
    CountDownLatch downloading = new CountDownLatch(2);
    PullProgressPrinter lines =
        PullProgressPrinter.lines(
            new PrintWriter(progress, true), System::nanoTime, Duration.ofSeconds(3));
    try (FakePullDaemon d = new FakePullDaemon(stalls, true);
        Engine engine = DockerEngines.connect(d.host(), Duration.ofSeconds(10));
        ShellFixture f = new ShellFixture()) {
      Session s =
          new Session(
              engine,
              new SessionConfig(
                  "pullcancel",
                  false, // online: a missing image is pulled
                  ProcessHandle.current().pid(),
                  "",
                  null,
                  null,
                  "",
                  p -> {
                    lines.accept(p);
                    if (p.phase() == PullProgress.Phase.DOWNLOADING && p.bytesDone() > 0) {
                      downloading.countDown();
                    }
                  }));
      try (Workspace w = f.with(s)) {
        w.begin();
        Evaluator ev = new Evaluator(w, new ResultPrinter(f.writer, false), false);
        assertThat(ev.run("1 + 1").ok()).isTrue();

        CompletableFuture<Evaluator.Result> java =
            CompletableFuture.supplyAsync(() -> ev.run("run(\"" + IMAGE + "\")"));
        awaitDownloading(s, downloading, 1);
        long t0 = System.nanoTime();
        ev.interrupt();
        Evaluator.Result r = java.get(5, TimeUnit.SECONDS);
        assertThat(r.ok()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        assertThat(progress.toString())
            .contains("pulling " + IMAGE + " …")
            .contains("pull of " + IMAGE + " cancelled");

        CompletableFuture<Evaluator.Result> docker =
            CompletableFuture.supplyAsync(() -> ev.run("docker pull " + IMAGE));
        awaitDownloading(s, downloading, 0);
        ev.interrupt();
        assertThat(docker.get(5, TimeUnit.SECONDS).ok()).isFalse();
        assertThat(progress.toString())
            .contains("pull of " + IMAGE + ":latest cancelled")
            .doesNotContain("pulled ");
        // the session goes on
        f.clear();
        assertThat(ev.run("2 + 3").ok()).isTrue();
        assertThat(f.output()).contains("5");
        assertThat(f.output()).doesNotContain("pull"); // progress is never the input's output
      }
    }
  }

  private static void awaitDownloading(Session s, CountDownLatch latch, int left)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (latch.getCount() > left && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(latch.getCount()).as("the pull reached its download").isLessThanOrEqualTo(left);
  }
}
