package netbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/netbook run FILE.md --cast OUT.cast} on the embedded engine: the recording holds what
 * the terminal got, the run's own lines and what the snippets printed (through the output router),
 * timed, as asciicast v2.
 */
class CastRunIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aRunIsRecordedAsAnAsciicastWithWhatItsSnippetsPrint() throws Exception {
    Path cast = dir.resolve("05.cast");
    // what a snippet prints goes to the terminal through the output router, not the run's writer
    Path printing = dir.resolve("print.md");
    Files.writeString(
        printing, "# Print\n\n```java\nSystem.out.println(\"printed by the snippet\");\n```\n");
    Path log = dir.resolve("run.log");
    Process p =
        new ProcessBuilder(
                Path.of("bin/netbook").toAbsolutePath().toString(),
                "run",
                "notebooks/05-user-defined-networks.md",
                printing.toString(),
                "--engine",
                "embedded",
                "--cast",
                cast.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("bin/netbook run finished").isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("recorded the run to " + cast);

    List<String> lines = Files.readAllLines(cast, StandardCharsets.UTF_8);
    JsonNode header = JSON.readTree(lines.get(0));
    assertThat(header.get("version").asInt()).isEqualTo(2);
    assertThat(header.get("width").asInt()).isPositive();
    assertThat(header.get("height").asInt()).isPositive();
    assertThat(header.get("timestamp").asLong()).isGreaterThan(1_700_000_000L);
    assertThat(header.get("title").asText())
        .isEqualTo("netbook run 05-user-defined-networks.md print.md");
    assertThat(header.get("env").get("TERM").asText()).isNotBlank();

    StringBuilder played = new StringBuilder();
    double last = 0;
    for (String line : lines.subList(1, lines.size())) {
      JsonNode e = JSON.readTree(line);
      assertThat(e.get(0).asDouble()).as(line).isGreaterThanOrEqualTo(last);
      last = e.get(0).asDouble();
      assertThat(e.get(1).asText()).isEqualTo("o");
      played.append(e.get(2).asText());
    }
    assertThat(last).as("the run took time").isPositive();
    String text = played.toString();
    assertThat(text)
        .contains("── cell 6 (05-user-defined-networks.md:75) ──\r\n")
        .containsPattern("PING container_a \\((\\d+\\.){3}2\\): 56 data bytes\r\n")
        .contains("nameserver 127.0.0.11\r\n")
        .contains("\r\nprinted by the snippet\r\n")
        .contains("9 passed, 0 failed\r\n")
        .doesNotContain("recorded the run to"); // said after the recording ends
    assertThat(text.replace("\r\n", "")).doesNotContain("\n");
  }
}
