package netbook.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import netbook.engine.Engine;
import netbook.engine.embedded.model.EmbeddedOptions;
import netbook.testing.RealDockerExtension;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The differential suite: every scenario under src/test/resources/differential is run by the real
 * docker CLI against the Docker daemon and against an in-process {@code netbook serve}, and the
 * transcripts, masked by {@link DifferentialMask}, must be equal. Each scenario is a test of its
 * own, with resources named by a prefix unique to the run and removed by its cleanup lines.
 */
@RequiresDocker
class DifferentialIT {
  private static final Path SCENARIOS = Path.of("src/test/resources/differential");
  private static final long LINE_TIMEOUT_SECONDS = 60;

  @TempDir Path config;

  @TestFactory
  Stream<DynamicTest> everyScenarioGivesTheSameMaskedTranscriptOnBothEngines(Engine real)
      throws IOException {
    RealDockerExtension.requireImages(real, "netbook/toolbox:latest", "netbook/web:latest");
    List<Path> files;
    try (Stream<Path> s = Files.list(SCENARIOS)) {
      files = s.filter(p -> p.toString().endsWith(".scenario")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> compare(f)));
  }

  private void compare(Path file) throws IOException, InterruptedException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String docker = DockerCliProcess.binary("docker");
    String prefix = "df" + UUID.randomUUID().toString().substring(0, 6) + "-";
    String realHost = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
    String onDocker = transcript(docker, realHost, prefix, lines);
    String onServe;
    try (EmbeddedDockerApi api =
            new EmbeddedDockerApi(
                EmbeddedOptions.defaults()
                    .withPreloadedImages(
                        List.of(
                            "netbook/toolbox:latest",
                            "netbook/web:latest",
                            "netbook/bare:latest")));
        EmbeddedServer server = EmbeddedServer.start(api, 0)) {
      onServe = transcript(docker, server.dockerHost(), prefix, lines);
    }
    assertThat(onServe).as(file.getFileName().toString()).isEqualTo(onDocker);
  }

  /** The masked transcript of the scenario on one engine; its cleanup lines always run. */
  private String transcript(String docker, String host, String prefix, List<String> lines)
      throws IOException, InterruptedException {
    StringBuilder out = new StringBuilder();
    List<String> cleanup = new ArrayList<>();
    try {
      for (String line : lines) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        if (l.startsWith("cleanup:")) {
          cleanup.add(l.substring("cleanup:".length()).strip());
          continue;
        }
        Run r = bash(docker, host, prefix, l);
        out.append("$ ").append(l).append('\n').append(r.output());
        if (r.exit() != 0) {
          out.append("[exit ").append(r.exit()).append("]\n");
        }
      }
    } finally {
      for (String c : cleanup) {
        bash(docker, host, prefix, c);
      }
    }
    String name = bash(docker, host, prefix, "docker info -f '{{.Name}}'").output().strip();
    return new DifferentialMask(name).mask(out.toString());
  }

  private record Run(int exit, String output) {}

  private Run bash(String docker, String host, String prefix, String line)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", line);
    Map<String, String> env = pb.environment();
    env.put("P", prefix);
    env.put("DOCKER_HOST", host);
    env.put("DOCKER_CONFIG", config.toString());
    env.put(
        "PATH", Path.of(docker).getParent() + File.pathSeparator + env.getOrDefault("PATH", ""));
    env.remove("DOCKER_CONTEXT");
    env.remove("DOCKER_TLS_VERIFY");
    Path output = Files.createTempFile(config, "line", ".out");
    pb.redirectErrorStream(true);
    pb.redirectOutput(output.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process p = pb.start();
    if (!p.waitFor(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("no end within " + LINE_TIMEOUT_SECONDS + " s: " + line);
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    Files.delete(output);
    return new Run(p.exitValue(), text);
  }
}
