package netbook.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import netbook.engine.Engine;
import netbook.testing.RealDockerExtension;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real REPL (bin/netbook, the built jar) in a pseudo-terminal: tmux with send-keys and
 * capture-pane. Only the tmux session this test creates is ever killed.
 */
@RequiresDocker
class ReplTmuxIT {
  final String p = DockerFixture.prefix();
  final String tmux = "nb-test-" + p;
  Engine engine;
  @TempDir Path home;

  @BeforeEach
  void start(Engine docker) throws Exception {
    engine = docker;
    Assumptions.assumeTrue(
        exec(List.of("tmux", "-V")).exit == 0 || requireDocker(), "tmux is not installed");
    Path launcher = Path.of("bin/netbook").toAbsolutePath();
    String cmd =
        "NETBOOK_OFFLINE=1 NETBOOK_JAVA_OPTS=-Duser.home="
            + home
            + " "
            + launcher
            + " --engine docker";
    Result r = exec(List.of("tmux", "new-session", "-d", "-s", tmux, "-x", "120", "-y", "40", cmd));
    assertThat(r.exit).as(r.out).isZero();
  }

  @AfterEach
  void stop() throws Exception {
    exec(List.of("tmux", "kill-session", "-t", tmux));
    // in case the REPL did not get to clean up: only this test's names
    try {
      engine.removeContainer(p + "-a", true);
    } catch (RuntimeException ignored) {
      // gone already
    }
    try {
      engine.removeNetwork(p);
    } catch (RuntimeException ignored) {
      // gone already
    }
  }

  @Test
  void tabCompletesAContainerNameAndCtrlCStopsASleep() throws Exception {
    String pane = await(s -> s.contains("netbook>"), Duration.ofSeconds(60));
    assertThat(pane).contains("netbook — Java with a Docker networking API");

    keys("-l", "net(\"" + p + "\").run(\"busybox\", name(\"" + p + "-a\"))");
    keys("Enter");
    await(s -> s.contains("container " + p + "-a ("), Duration.ofSeconds(60));

    keys("-l", "container(\"" + p.substring(0, p.length() - 1));
    keys("Tab");
    await(s -> s.contains("container(\"" + p + "-a\""), Duration.ofSeconds(10));
    keys("-l", ").name()");
    keys("Enter");
    await(s -> s.contains("\"" + p + "-a\"\n"), Duration.ofSeconds(20));

    keys("-l", "int kept = 41");
    keys("Enter");
    await(s -> s.contains("kept ==> 41"), Duration.ofSeconds(20));
    // the snippet says when it runs, so Ctrl-C reaches the sleep (not the line being entered)
    keys("-l", "System.out.println(\"sleeping\"); Thread.sleep(60000);");
    keys("Enter");
    await(s -> s.contains("\nsleeping\n"), Duration.ofSeconds(30));
    keys("C-c");
    // (how fast Ctrl-C stops a snippet is a timing goal for bench/, not an assertion here)
    await(s -> s.contains("stopped (Ctrl-C)"), Duration.ofSeconds(30));
    keys("-l", "kept + 1");
    keys("Enter");
    await(s -> s.contains("\n42\n"), Duration.ofSeconds(10));

    keys("C-c"); // at the prompt: a hint, no exit
    await(s -> s.contains("Ctrl-D or :quit leaves netbook"), Duration.ofSeconds(5));

    keys("C-d");
    await(
        s -> s.contains("Remove container " + p + "-a, network " + p + "?"),
        Duration.ofSeconds(20));
    keys("-l", "y");
    keys("Enter");
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (exec(List.of("tmux", "has-session", "-t", tmux)).exit == 0 && System.nanoTime() < end) {
      Thread.sleep(100);
    }
    assertThat(engine.findContainer(p + "-a")).isEmpty();
    assertThat(engine.findNetwork(p)).isEmpty();
    assertThat(Files.getPosixFilePermissions(home.resolve(".netbook/history")))
        .hasSize(2); // rw-------
  }

  private static boolean requireDocker() {
    return "1".equals(System.getenv(RealDockerExtension.REQUIRE_DOCKER));
  }

  private void keys(String... keys) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("tmux", "send-keys", "-t", tmux));
    for (String k : keys) {
      // tmux reads a trailing ';' as a command separator
      cmd.add(k.endsWith(";") ? k.substring(0, k.length() - 1) + "\\;" : k);
    }
    assertThat(exec(cmd).exit).isZero();
  }

  private String await(Predicate<String> ok, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    String pane = "";
    while (System.nanoTime() < end) {
      Result r = exec(List.of("tmux", "capture-pane", "-p", "-J", "-t", tmux, "-S", "-200"));
      pane = r.out;
      if (ok.test(pane)) {
        return pane;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out; the pane:\n" + pane);
  }

  private record Result(int exit, String out) {}

  private static Result exec(List<String> cmd) throws IOException, InterruptedException {
    Process pr = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!pr.waitFor(10, TimeUnit.SECONDS)) {
      pr.destroyForcibly();
      return new Result(-1, out);
    }
    return new Result(pr.exitValue(), out);
  }
}
