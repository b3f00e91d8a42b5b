package netbook.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import netbook.engine.Engine;
import netbook.engine.docker.TestEngines;
import netbook.lab.Session;
import netbook.testing.RealDockerExtension;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chapter's own console blocks, replayed in order on the real engine exactly as written, but
 * for the names (a random suffix, as the daemon is shared) and host port 80 (a free port).
 */
class ChapterTranscriptIT {
  record Block(String lang, String text) {}

  static List<Block> blocks(String markdown) {
    List<Block> out = new ArrayList<>();
    String lang = null;
    StringBuilder sb = new StringBuilder();
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("```")) {
        if (lang == null) {
          lang = line.substring(3).strip();
          sb.setLength(0);
        } else {
          out.add(new Block(lang, sb.toString()));
          lang = null;
        }
      } else if (lang != null) {
        sb.append(line).append('\n');
      }
    }
    return out;
  }

  static String chapter() throws IOException {
    try (InputStream in =
        ChapterTranscriptIT.class.getResourceAsStream("docker-networks-chapter.md")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static Stream<Named<Supplier<Engine>>> engines() {
    return Stream.of(
        Named.of("docker", RealDockerExtension::connect),
        Named.of("embedded", TestEngines::embedded));
  }

  @ParameterizedTest
  @MethodSource("engines")
  void theChapterReplays(Supplier<Engine> engines) throws IOException {
    try (Engine engine = engines.get()) {
      Session session = LiveEngines.session(engine, LiveEngines.notices());
      String sfx = LiveEngines.suffix();
      String text =
          chapter()
              .replace("container_", "container" + sfx + "_")
              .replace("my_bridge", "my_bridge_" + sfx)
              .replace("80:80", freePort() + ":80");
      TranscriptRunner runner = TranscriptRunner.of(session);
      List<TranscriptStep> steps = new ArrayList<>();
      try {
        for (Block b : blocks(text)) {
          if (b.lang().equals("bash")) {
            steps.addAll(runner.run(b.text()).steps());
          } else {
            runner.learn(b.text());
          }
        }
        String all = steps.stream().map(Object::toString).reduce("", (x, y) -> x + "\n" + y);
        Files.writeString(
            Path.of("target", "chapter-replay-" + engine.info().kind() + ".txt"), all);

        TranscriptStep fg = find(steps, "docker run nginx");
        assertThat(fg.exitCode()).as(all).isZero();
        assertThat(fg.notes()).anyMatch(n -> n.contains("keeps running"));

        TranscriptStep stop = find(steps, "docker stop $(docker ps -a -q)");
        assertThat(stop.exitCode()).as(all).isZero();
        assertThat(stop.notes())
            .anyMatch(n -> n.contains("this netbook session's containers only"));

        TranscriptStep runD = find(steps, "docker run -d -p");
        assertThat(runD.live().strip()).matches("[0-9a-f]{64}");
        assertThat(runD.differs()).isFalse();

        TranscriptStep inspect = find(steps, "docker inspect ffa4");
        assertThat(inspect.exitCode()).as(all).isZero();
        assertThat(inspect.notes()).anyMatch(n -> n.contains("the book's ffa4"));
        assertThat(inspect.live()).startsWith("[\n    {\n        \"Id\": \"" + runD.live().strip());

        TranscriptStep ls = find(steps, "docker network ls");
        assertThat(ls.differs()).as(all).isFalse();

        TranscriptStep pingIp = find(steps, "ping -c 2 172.17.0.4");
        assertThat(pingIp.kind()).isEqualTo(TranscriptStep.Kind.CONTAINER);
        assertThat(pingIp.where()).isEqualTo("container" + sfx + "_1");
        assertThat(pingIp.exitCode()).as(all).isZero();
        assertThat(pingIp.live()).contains("2 packets received");

        TranscriptStep pingOut =
            steps.stream()
                .filter(s -> s.kind() == TranscriptStep.Kind.CONTINUED)
                .findFirst()
                .orElseThrow();
        assertThat(pingOut.differs()).as(all).isFalse();

        TranscriptStep byName = find(steps, "ping -c 2 container" + sfx + "_2");
        assertThat(byName.where()).isEqualTo("container" + sfx + "_1");
        assertThat(byName.live()).contains("bad address 'container" + sfx + "_2'");
        assertThat(byName.differs()).as(all).isFalse();

        TranscriptStep create = find(steps, "docker network create my_bridge_" + sfx);
        assertThat(create.exitCode()).isZero();
        assertThat(find(steps, "docker network ls").differs()).isFalse();

        TranscriptStep pingA = find(steps, "ping -c 3 container" + sfx + "_a");
        assertThat(pingA.where()).isEqualTo("container" + sfx + "_b");
        assertThat(pingA.exitCode()).as(all).isZero();
        assertThat(pingA.differs()).as(all).isFalse();

        assertThat(find(steps, "ifconfig").kind()).isEqualTo(TranscriptStep.Kind.HOST);
        assertThat(find(steps, "ifconfig").differs()).as(all).isFalse();
      } finally {
        session.cleanup();
      }
    }
  }

  private static TranscriptStep find(List<TranscriptStep> steps, String command) {
    return steps.stream()
        .filter(s -> s.command().equals(command) || s.command().startsWith(command))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step " + command + " in " + steps));
  }
}
