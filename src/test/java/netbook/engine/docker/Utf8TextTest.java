package netbook.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Utf8TextTest {
  @Test
  void aCharacterSplitBetweenFramesAndACrLfSplitBetweenFramesReadWhole() {
    byte[] b = "µs\r\nok\r\n".getBytes(StandardCharsets.UTF_8);
    LiveExecs.Utf8Text t = new LiveExecs.Utf8Text();
    StringBuilder out = new StringBuilder();
    out.append(t.add(Arrays.copyOfRange(b, 0, 1))); // half of µ
    out.append(t.add(Arrays.copyOfRange(b, 1, 4))); // its rest, "s", CR
    out.append(t.add(Arrays.copyOfRange(b, 4, b.length)));
    out.append(t.flush());
    assertThat(out.toString()).isEqualTo("µs\nok\n");
    assertThat(t.all()).isEqualTo("µs\nok\n");
  }
}
