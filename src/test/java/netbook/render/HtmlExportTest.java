package netbook.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netbook.render.HtmlExport.Block;
import netbook.render.HtmlExport.Code;
import netbook.render.HtmlExport.Figure;
import netbook.render.HtmlExport.Page;
import netbook.render.HtmlExport.Prose;
import netbook.render.HtmlExport.Status;
import netbook.render.topology.SvgDiagram;
import netbook.render.topology.Topology;
import org.junit.jupiter.api.Test;

class HtmlExportTest {
  private static final Pattern REFERENCE =
      Pattern.compile(
          "<(\\w+)[^>]*?\\b(src|href|xlink:href|action|poster|data)\\s*=\\s*[\"']?([^\"'\\s>]*)");

  private static String page(boolean live, Block... blocks) {
    return HtmlExport.render(
        new Page(
            "User <defined> networks",
            "05.md",
            "docker engine at unix:///x",
            "2026-12-01 06:40 UTC",
            live,
            List.of(blocks)));
  }

  private static Code java(String source, String output) {
    return new Code(3, 42, "java", source, output, Status.PASSED, "", false);
  }

  /** Every element that refers to something by URL: only prose links may, and nothing fetches. */
  private static List<String> references(String html) {
    List<String> refs = new ArrayList<>();
    Matcher m = REFERENCE.matcher(html);
    while (m.find()) {
      refs.add(m.group(1) + " " + m.group(2) + "=" + m.group(3));
    }
    return refs;
  }

  @Test
  void thePageRefersToNothingOutsideItselfButProseLinks() {
    String md =
        """
        # Title

        See [the docs](https://docs.docker.com/network/) and ![a logo](https://example.org/logo.png).

        <script src="https://example.org/x.js"></script>

        <link rel="stylesheet" href="https://example.org/x.css">

        <!-- notes: say hello -->
        """;
    String html = page(true, new Prose(md, ""), java("1 + 1", "2"));

    assertThat(references(html)).containsExactly("a href=https://docs.docker.com/network/");
    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("<link")
        .doesNotContain("@import")
        .doesNotContain("url(")
        .doesNotContain("@font-face")
        .doesNotContain("say hello") // a comment (speaker notes) is left out
        .contains("&lt;script src=") // raw HTML shows as text
        .contains("[image: a logo]")
        .contains("<style>");
  }

  @Test
  void aRawHtmlImageIsAPlaceholderNamedByItsAltTextElseItsFile() {
    String html =
        page(
            false,
            new Prose(
                "<p align=\"center\">\n<img src=\"./images/03.jpg?raw=1\" width=\"800\">\n</p>\n\n"
                    + "<img alt=\"the bridge\" src=\"b.png\">\n",
                ""));
    assertThat(html).contains("[image: 03.jpg]").contains("[image: the bridge]");
    assertThat(references(html)).isEmpty();
  }

  @Test
  void aDiagramIsInlineSvgWithoutItsXmlDeclaration() {
    String svg = SvgDiagram.render(new Topology(Topology.Uplink.UNKNOWN, List.of(), List.of()));
    assertThat(svg).startsWith("<?xml");
    String html = page(true, java("net(\"a\")", ""), new Figure("The network after cell 3", svg));

    assertThat(html)
        .contains("<figure class=\"nb-fig\">\n<svg ")
        .contains("The network after cell 3");
    assertThat(html).doesNotContain("<?xml");
    assertThat(references(html)).isEmpty();
  }

  @Test
  void aLivePictureInProseIsTheDrawingAtThatPointOrANoteWithoutOne() {
    String md = "Here is the network now:\n\n![topology](live)\n";
    String svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>";

    assertThat(page(true, new Prose(md, svg)))
        .contains(
            "<span class=\"nb-live\"><svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg></span>");
    assertThat(page(false, new Prose(md, "")))
        .doesNotContain("<svg")
        .contains("[the network at this point (drawn when the chapter is exported live");
  }

  @Test
  void codeAndOutputAreEscapedAndSetApart() {
    String html =
        page(
            true,
            java(
                "if (a < b && s.equals(\"x\")) {}",
                "<b>bold</b> & 'quoted'\n\u001B[32mgreen\u001B[0m\n"));

    assertThat(html)
        .contains("<span class=\"nb-lang\">java</span>")
        .contains(
            "<pre class=\"nb-code\"><code class=\"language-java\">if (a &lt; b &amp;&amp; s.equals(&quot;x&quot;)) {}</code></pre>")
        .contains(
            "<pre class=\"nb-out\">&lt;b&gt;bold&lt;/b&gt; &amp; &#39;quoted&#39;\ngreen</pre>")
        .doesNotContain("<b>bold")
        .doesNotContain("\u001B");
    assertThat(html).contains("<title>User &lt;defined&gt; networks</title>");
  }

  @Test
  void aFailedCellSaysWhy() {
    String html =
        page(
            true,
            new Code(
                4, 50, "java", "boom()", "", Status.FAILED, "cannot find symbol: boom", false));
    assertThat(html).contains("nb-cell nb-failed").contains("✗ cannot find symbol: boom");
  }

  @Test
  void aTranscriptMarksItsCommands() {
    String html =
        page(
            true,
            new Code(
                2,
                20,
                "console",
                "$ docker network ls \\\n    --no-trunc\nNETWORK ID   NAME\n5400f00b0ff6   bridge\n",
                "",
                Status.PASSED,
                "",
                true));
    assertThat(html)
        .contains(
            "<span class=\"nb-cmd\">$ docker network ls \\</span>\n<span class=\"nb-cmd\">    --no-trunc</span>")
        .contains("<span class=\"nb-said\">5400f00b0ff6   bridge</span>");
  }

  @Test
  void theHeaderSaysHowTheOutputsCame() {
    assertThat(page(true)).contains("run on the docker engine at unix:///x · 2026-12-01 06:40 UTC");
    assertThat(page(false))
        .contains("<strong>not run</strong>: the outputs recorded in the file")
        .doesNotContain("docker engine at");
  }

  @Test
  void printingKeepsCellsWholeOnLightPaper() {
    String html = page(true, java("1", "1"));
    assertThat(html)
        .contains("@media print")
        .contains("break-inside: avoid")
        .contains("color-scheme: light");
  }
}
