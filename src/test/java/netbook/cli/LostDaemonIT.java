package netbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import netbook.engine.docker.FakeDaemon;
import netbook.testing.ProcessSignals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/netbook on a daemon that goes away (a fake one on loopback: the shared dockerd is never
 * stopped): a piped session's call ends within 10 s with one line and the session goes on; and a
 * Ctrl-C while a termination's cleanup waits on the vanished daemon exits at once.
 */
class LostDaemonIT {
  private static final Path LAUNCHER = Path.of("bin/netbook").toAbsolutePath();

  @TempDir Path tmp;

  private Process launch(FakeDaemon d, Path out) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(LAUNCHER.toString(), "--engine", "docker")
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    pb.environment().put("DOCKER_HOST", d.host());
    pb.environment().put("NETBOOK_OFFLINE", "1");
    pb.environment().remove("DOCKER_CONTEXT");
    return pb.start();
  }

  private static void send(Process p, String line) throws IOException {
    OutputStream in = p.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  private static void awaitText(Path out, String text, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!Files.readString(out).contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "no \"" + text + "\" within " + seconds + " s:\n" + Files.readString(out));
      }
      Thread.sleep(100);
    }
  }

  private static void awaitRequest(FakeDaemon d, int after, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (d.requestCount() <= after) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no request reached the daemon within " + seconds + " s");
      }
      Thread.sleep(20);
    }
  }

  @Test
  void aHungDaemonEndsTheCallWithinTenSecondsAndThePipedSessionGoesOn() throws Exception {
    Path out = tmp.resolve("out.txt");
    try (FakeDaemon d = new FakeDaemon()) {
      Process p = launch(d, out);
      try {
        send(p, "1 + 1");
        awaitText(out, "2\n", 120);
        d.mode(FakeDaemon.Mode.HANG);
        long t0 = System.nanoTime();
        send(p, "containers()");
        send(p, "40 + 2");
        awaitText(out, "42\n", 30);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(10);
        String text = Files.readString(out);
        assertThat(text)
            .containsPattern(
                "(?m)^the Docker engine at " + d.host() + " stopped answering \\(.*\\)$")
            .doesNotContain("\tat ");
      } finally {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void aSecondCtrlCDuringTheCleanupOfATerminationExitsAtOnce() throws Exception {
    ProcessSignals.requireSigintDelivered();
    Path out = tmp.resolve("out2.txt");
    try (FakeDaemon d = new FakeDaemon()) {
      Process p = launch(d, out);
      try {
        send(p, "containers()"); // the session is open once this answered
        send(p, "1 + 1");
        awaitText(out, "2\n", 120);
        d.mode(FakeDaemon.Mode.HANG); // the cleanup will wait on it
        int asked = d.requestCount();
        new ProcessBuilder("kill", "-TERM", String.valueOf(p.pid())).start().waitFor();
        awaitRequest(d, asked, 60); // the termination's cleanup now waits on the hung daemon
        new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
        // "at once": the exit code and the line say the Ctrl-C ended it, not the cleanup's own
        // timeout (how fast is a timing goal for bench/, not an assertion here)
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(out)).isTrue();
        assertThat(p.exitValue()).isEqualTo(130);
        assertThat(Files.readString(out))
            .contains(
                "netbook: interrupted during cleanup: exiting now; the next start removes the rest");
      } finally {
        p.destroyForcibly();
      }
    }
  }
}
