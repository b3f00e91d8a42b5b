package netbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import netbook.engine.docker.FakeDaemon;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/netbook's lines for engines that are not there or never answer: one line each, on stderr
 * (stdout holds only results), within the product's timeouts. No real daemon involved.
 */
class EngineMessagesIT {
  private static final Path LAUNCHER = Path.of("bin/netbook").toAbsolutePath();

  @TempDir Path tmp;

  /** A first start builds the jar or its class-data archive when they are stale: not timed. */
  @BeforeAll
  static void warmUp() throws Exception {
    Process p =
        new ProcessBuilder(LAUNCHER.toString(), "--version")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
  }

  record Run(int exit, String out, String err, Duration took) {}

  private Run run(String dockerHost, String stdin, String... args) throws Exception {
    String[] cmd = new String[args.length + 1];
    cmd[0] = LAUNCHER.toString();
    System.arraycopy(args, 0, cmd, 1, args.length);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(tmp.resolve("err.txt").toFile());
    pb.environment().put("DOCKER_HOST", dockerHost);
    pb.environment().put("NETBOOK_OFFLINE", "1");
    pb.environment().remove("DOCKER_CONTEXT");
    pb.environment().remove("NETBOOK_REQUIRE_DOCKER");
    long t0 = System.nanoTime();
    Process p = pb.start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.exitValue(),
        out,
        Files.readString(tmp.resolve("err.txt")),
        Duration.ofNanos(System.nanoTime() - t0));
  }

  @Test
  void noDaemonWithEngineDockerIsOneLineOnStderr() throws Exception {
    String host = "unix://" + tmp.resolve("none.sock");
    Run r = run(host, "", "run", "--engine", "docker", "notebooks/05-user-defined-networks.md");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "netbook: no Docker engine at "
                + host
                + " (no such socket): start Docker, or use --engine embedded\n");
    assertThat(r.out()).doesNotContain("no Docker engine");
  }

  @Test
  void aSocketThatAcceptsAndNeverAnswersIsSaidWithinFifteenSeconds() throws Exception {
    try (FakeDaemon d = new FakeDaemon(tmp.resolve("hung.sock"), FakeDaemon.Mode.HANG)) {
      Run r = run(d.host(), "", "doctor");
      assertThat(r.took()).isLessThan(Duration.ofSeconds(15));
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.out())
          .contains(
              "✗ engine   the Docker engine at "
                  + d.host()
                  + " accepts connections but did not answer within 8 s");
      System.out.println("hung unix socket: doctor ended in " + r.took().toMillis() + " ms");
    }
  }
}
