package netbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netbook.render.HtmlExport;
import netbook.render.HtmlExport.Block;
import netbook.render.HtmlExport.Code;
import netbook.render.HtmlExport.Figure;
import netbook.render.HtmlExport.Prose;
import netbook.render.HtmlExport.Status;
import org.junit.jupiter.api.Test;

class ChapterExportTest {
  private static final String BOOK =
      """
      # Two networks

      Setup first:

      ```java {hidden}
      var secret = 42;
      ```

      ```java
      net("one")
      ```
      <!-- netbook:output -->
      ```output
      recorded one
      ```

      ```console
      $ docker network ls
      NETWORK ID   NAME
      abc          one
      ```

      ```java
      1 + 1
      ```

      Here it is:

      ![topology](live)
      """;

  private static Notebook book() {
    return NotebookParser.parse("two.md", BOOK.getBytes(StandardCharsets.UTF_8));
  }

  private static List<Code> codes(HtmlExport.Page page) {
    return page.blocks().stream().filter(b -> b instanceof Code).map(b -> (Code) b).toList();
  }

  @Test
  void recordedShowsTheFilesOutputsAndHidesSetupCells() {
    HtmlExport.Page page = ChapterExport.recorded(book(), "today");

    assertThat(page.live()).isFalse();
    assertThat(page.title()).isEqualTo("Two networks");
    List<Code> codes = codes(page);
    assertThat(codes).extracting(Code::index).containsExactly(2, 3, 4); // cell 1 is hidden
    assertThat(codes.get(0).output()).isEqualTo("recorded one\n");
    assertThat(codes.get(0).status()).isEqualTo(Status.RECORDED);
    assertThat(codes.get(1).transcript()).isTrue();
    assertThat(codes.get(1).source()).contains("abc          one");
    assertThat(page.blocks()).noneMatch(b -> b instanceof Figure);
    assertThat(HtmlExport.render(page)).doesNotContain("secret").contains("not run");
  }

  @Test
  void liveShowsTheLiveOutputsAndTheNetworkAfterEachCellThatChangedIt() {
    Notebook nb = book();
    Map<Integer, CellResult> results = new HashMap<>();
    for (Cell c : nb.cells()) {
      results.put(
          c.index(),
          new CellResult(c, CellResult.Verdict.PASSED, "live " + c.index() + "\n", "", ""));
    }
    results.put(4, new CellResult(nb.cell(4), CellResult.Verdict.FAILED, "", "it broke", ""));
    Map<Integer, String> drawings =
        Map.of(1, "<svg>0</svg>", 2, "<svg>A</svg>", 3, "<svg>A</svg>", 4, "<svg>B</svg>");
    HtmlExport.Page page =
        ChapterExport.live(
            nb,
            new ChapterExport.LiveRun(results, drawings, "<svg>0</svg>"),
            "embedded engine",
            "today");

    List<Block> blocks = page.blocks();
    List<Code> codes = codes(page);
    assertThat(codes.get(0).output()).isEqualTo("live 2\n");
    assertThat(codes.get(0).status()).isEqualTo(Status.PASSED);
    assertThat(codes.get(1).source()).isEqualTo("live 3\n"); // the live transcript
    assertThat(codes.get(2).status()).isEqualTo(Status.FAILED);
    assertThat(codes.get(2).why()).isEqualTo("it broke");
    // A after cell 2 (changed), none after 3 (same), none after 4: the live picture shows B
    assertThat(blocks.stream().filter(b -> b instanceof Figure).map(b -> ((Figure) b).caption()))
        .containsExactly("The network after cell 2");
    Prose last = (Prose) blocks.get(blocks.size() - 1);
    assertThat(last.liveSvg()).isEqualTo("<svg>B</svg>");
    assertThat(HtmlExport.render(page))
        .contains("<svg>B</svg>")
        .contains("run on the embedded engine");
  }

  private static String escaped(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  @Test
  void chapterFiveRecordedHasEveryRecordedOutput() throws Exception {
    Path file = Path.of("notebooks/05-user-defined-networks.md");
    Notebook nb = NotebookParser.parse(file.getFileName().toString(), Files.readAllBytes(file));
    String html = HtmlExport.render(ChapterExport.recorded(nb, "today"));

    for (Cell c : nb.cells()) {
      if (c.recorded() != null) {
        for (String line : c.recorded().text().strip().split("\n")) {
          assertThat(html).contains(escaped(line));
        }
      }
    }
    assertThat(html).contains("<h1>User-defined networks</h1>").doesNotContain("netbook:output");
  }
}
