package netbook.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CastRecorderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final AtomicLong now = new AtomicLong(5_000_000_000L);

  private void at(double seconds) {
    now.set(5_000_000_000L + (long) (seconds * 1e9));
  }

  private static List<JsonNode> lines(String cast) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : cast.split("\n")) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  @Test
  void anAsciicastV2HeaderThenOneTimedEventPerLine() throws Exception {
    CastRecorder cast = new CastRecorder(now::get);
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    PrintWriter pw = new PrintWriter(cast.tee(terminal), true, StandardCharsets.UTF_8);
    at(0.25);
    pw.println("── cell 1 (05.md:17) ──");
    at(1.5);
    pw.print("\"my_bridge\"\nPING container_a: \"quoted\" \\ tab\t\n");
    pw.flush();
    at(1.5);
    pw.println("7 passed, 0 failed");

    String text = cast.text(100, 30, 1_764_570_000L, "netbook run 05.md", "xterm-256color");
    assertThat(text).endsWith("\n");
    List<JsonNode> lines = lines(text);
    JsonNode header = lines.get(0);
    assertThat(header.get("version").asInt()).isEqualTo(2);
    assertThat(header.get("width").asInt()).isEqualTo(100);
    assertThat(header.get("height").asInt()).isEqualTo(30);
    assertThat(header.get("timestamp").asLong()).isEqualTo(1_764_570_000L);
    assertThat(header.get("title").asText()).isEqualTo("netbook run 05.md");
    assertThat(header.get("env").get("TERM").asText()).isEqualTo("xterm-256color");

    List<JsonNode> events = lines.subList(1, lines.size());
    assertThat(events).hasSize(3);
    double last = 0;
    StringBuilder all = new StringBuilder();
    for (JsonNode e : events) {
      assertThat(e.isArray()).isTrue();
      assertThat(e.size()).isEqualTo(3);
      assertThat(e.get(0).isDouble()).isTrue();
      assertThat(e.get(0).asDouble()).isGreaterThanOrEqualTo(last);
      last = e.get(0).asDouble();
      assertThat(e.get(1).asText()).isEqualTo("o");
      all.append(e.get(2).asText());
    }
    assertThat(events.get(0).get(0).asDouble()).isEqualTo(0.25);
    assertThat(events.get(1).get(0).asDouble()).isEqualTo(1.5);
    assertThat(all.toString())
        .isEqualTo(
            "── cell 1 (05.md:17) ──\r\n\"my_bridge\"\r\nPING container_a: \"quoted\" \\ tab\t\r\n"
                + "7 passed, 0 failed\r\n");
    // what went to the terminal is untouched
    assertThat(terminal.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "── cell 1 (05.md:17) ──\n\"my_bridge\"\nPING container_a: \"quoted\" \\ tab\t\n"
                + "7 passed, 0 failed\n");
  }

  @Test
  void timesNeverGoBackwards() throws Exception {
    CastRecorder cast = new CastRecorder(now::get);
    at(2);
    cast.write("a\n".getBytes(StandardCharsets.UTF_8));
    cast.flush();
    at(1); // a clock that stepped back (nanoTime across cores)
    cast.write("b\n".getBytes(StandardCharsets.UTF_8));
    cast.flush();
    List<JsonNode> lines = lines(cast.text(80, 24, 0, "t", "xterm"));
    assertThat(lines.get(2).get(0).asDouble()).isEqualTo(2.0);
  }

  @Test
  void aCharacterCutBetweenTwoFlushesArrivesWhole() throws Exception {
    CastRecorder cast = new CastRecorder(now::get);
    byte[] check = "✓ ok\r\n".getBytes(StandardCharsets.UTF_8);
    cast.write(check, 0, 2); // half of ✓
    cast.flush();
    cast.write(check, 2, check.length - 2);
    cast.flush();
    List<JsonNode> lines = lines(cast.text(80, 24, 0, "t", "xterm"));
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1).get(2).asText()).isEqualTo("✓ ok\r\n"); // \r\n stays, not \r\r\n
  }

  @Test
  void nothingWrittenNoEvent() throws Exception {
    CastRecorder cast = new CastRecorder(now::get);
    cast.flush();
    OutputStream tee = cast.tee(OutputStream.nullOutputStream());
    tee.flush();
    assertThat(cast.text(80, 24, 0, "t", "xterm").lines().count()).isEqualTo(1);
  }
}
