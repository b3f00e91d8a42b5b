package netbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.Test;

/** bin/netbook as a script runs it: Java lines on stdin, the real engine, exit codes. */
@RequiresDocker
class PipedLauncherIT {
  private static final Path LAUNCHER = Path.of("bin/netbook").toAbsolutePath();

  record Run(int exit, String output) {}

  private static Run launch(String stdin) throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(LAUNCHER.toString(), "--engine", "docker").redirectErrorStream(true);
    pb.environment().put("NETBOOK_OFFLINE", "1");
    Process p = pb.start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("bin/netbook did not finish within 180 s");
    }
    return new Run(
        p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void theOneLinerPingsByNameOnAUserDefinedNetwork() throws Exception {
    String s = UUID.randomUUID().toString().substring(0, 6);
    Run r =
        launch(
            "net(\"my_bridge_"
                + s
                + "\").run(\"ubuntu\", name(\"container_a_"
                + s
                + "\"))\n"
                + "net(\"my_bridge_"
                + s
                + "\").run(\"ubuntu\", name(\"container_b_"
                + s
                + "\"))"
                + ".ping(\"container_a_"
                + s
                + "\")\n"
                + "cleanup()\n");
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output())
        .contains("offline: ubuntu is played by the lab image netbook/toolbox:latest")
        .containsPattern("PING container_a_" + s + " \\((\\d+\\.){3}2\\): 56 data bytes")
        .contains("2 packets transmitted, 2 packets received, 0% packet loss")
        .contains("removed 2 containers");
  }

  @Test
  void aFailingSnippetIsOneLineAndANonZeroExit() throws Exception {
    Run r = launch("container(\"no_such_container_" + UUID.randomUUID() + "\")\n1 + 1\n");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.output())
        .containsPattern("container no_such_container_\\S+ not found: run\\(")
        .contains("\n2\n")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }
}
