package netbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputCapTest {
  @Test
  void shortOutputsAreKeptWhole() {
    assertThat(OutputCap.cap("")).isEmpty();
    assertThat(OutputCap.cap("a\nb\n")).isEqualTo("a\nb\n");
    String exactly = "x\n".repeat(OutputCap.MAX_LINES);
    assertThat(OutputCap.cap(exactly)).isEqualTo(exactly);
  }

  @Test
  void tooManyLinesAreCutAtALineWithANote() {
    String out = OutputCap.cap("line\n".repeat(OutputCap.MAX_LINES + 500));
    assertThat(out.lines().count()).isEqualTo(OutputCap.MAX_LINES + 1);
    assertThat(out)
        .endsWith(
            "line\n[netbook: output cut here, 500 more lines (2500 bytes) not recorded:"
                + " a recorded output keeps at most 2000 lines and 64 KiB]\n");
  }

  @Test
  void aHugeOutputKeepsAt64KiBOfWholeLines() {
    String line = "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrst\n"; // 65 B
    String out = OutputCap.cap(line.repeat(800_000)); // 52 MB
    String head = out.substring(0, out.lastIndexOf("[netbook:"));
    assertThat(head.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64 * 1024);
    assertThat(head).endsWith(line);
    assertThat(out.lines().filter(l -> l.startsWith("[netbook: output cut here"))).hasSize(1);
  }

  @Test
  void oneEndlessLineIsCutInsideItAndNeverSplitsACharacter() {
    String out = OutputCap.cap("😀".repeat(40_000));
    String head = out.substring(0, out.indexOf('\n'));
    assertThat(head.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64 * 1024);
    assertThat(head.codePoints().allMatch(cp -> cp == 0x1F600)).isTrue();
    assertThat(out).contains("1 more line (").endsWith(" KiB]\n");
  }

  @Test
  void recordWritesTheCutOutputIntoTheNotebook() {
    Notebook nb = NotebookParser.parse("big.md", "# big\n\n```java\nbig()\n```\n");
    String text = OutputRecorder.apply(nb, Map.of(1, "y\n".repeat(1_000_000)));
    assertThat(text.length()).isLessThan(70 * 1024);
    Notebook again = NotebookParser.parse("big.md", text);
    assertThat(again.cell(1).recorded().text())
        .endsWith(
            "[netbook: output cut here, 998000 more lines (1996000 bytes) not recorded:"
                + " a recorded output keeps at most 2000 lines and 64 KiB]\n");
  }
}
