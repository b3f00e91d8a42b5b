package netbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import netbook.engine.NetworkSpec;
import netbook.engine.docker.DockerEngine;
import netbook.engine.docker.DockerEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20.4 on the real dockerd: a Docker network already on the subnet a chapter asks for makes
 * {@code bin/netbook doctor} say so, naming both and the fix, and exit 1. (The chapter is the
 * test's own, on a subnet of its own, so that the books' chapters other sessions run are not hit.)
 */
class DoctorIT {
  private static final Path LAUNCHER = Path.of("bin/netbook").toAbsolutePath();

  @TempDir Path tmp;

  @Test
  void aDockerNetworkOnAChaptersSubnetIsAProblemWithItsFix() throws Exception {
    int third = ThreadLocalRandom.current().nextInt(256);
    String subnet = "10.213." + third + ".0/24";
    String name = "doctor_it_" + Long.toHexString(System.nanoTime());
    Files.writeString(
        tmp.resolve("01-lab.md"),
        "# A lab\n\n```java\nnet(\"lab_net\", \""
            + subnet
            + "\", \"10.213."
            + third
            + ".1\")\n```\n");
    try (DockerEngine engine =
        DockerEngines.connect("unix:///var/run/docker.sock", Duration.ofSeconds(10))) {
      engine.createNetwork(
          new NetworkSpec(name, "bridge", subnet, "", "", false, Map.of(), Map.of()));
      try {
        ProcessBuilder pb =
            new ProcessBuilder(LAUNCHER.toString(), "doctor", "--notebooks", tmp.toString())
                .redirectError(tmp.resolve("err.txt").toFile());
        pb.environment().put("NETBOOK_ENGINE", "docker");
        pb.environment().remove("DOCKER_HOST");
        pb.environment().remove("DOCKER_CONTEXT");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        System.out.println(out);
        assertThat(out)
            .contains(
                "✗ subnets  "
                    + subnet
                    + " (01-lab.md:3) overlaps Docker network "
                    + name
                    + " ("
                    + subnet
                    + ")\n           fix: docker network rm "
                    + name
                    + " (if nothing uses it), or use another subnet\n")
            .containsPattern("✓ engine +Docker .*API 1\\.\\d+ via ")
            .contains("not ready: ");
        assertThat(p.exitValue()).as(out).isEqualTo(ExitCode.FAILED);
      } finally {
        engine.removeNetwork(name);
      }
    }
  }
}
