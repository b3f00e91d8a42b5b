package netbook.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = MarkdownRendererTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String plain(String md, int width) {
    MarkdownRenderer r = new MarkdownRenderer(width, false, null);
    return r.toText(r.render(md));
  }

  @Test
  void goldenSampleAt60Columns() throws IOException {
    assertThat(plain(resource("sample.md"), 60)).isEqualTo(resource("sample-60.txt"));
  }

  @Test
  void plainOutputHasNoEscapesAndColourHas() throws IOException {
    String md = resource("sample.md");
    assertThat(plain(md, 60)).doesNotContain("\u001b[");
    MarkdownRenderer r = new MarkdownRenderer(60, true, null);
    assertThat(r.toText(r.render(md))).contains("\u001b[").contains("Docker Networks");
  }

  @Test
  void paragraphsWrapToTheWidthKeepingStyles() {
    MarkdownRenderer r = new MarkdownRenderer(20, true, null);
    List<AttributedString> lines = r.lines("aaaa bbbb cccc **dddd eeee** ffff gggg");
    assertThat(lines)
        .extracting(AttributedString::toString)
        .containsExactly("aaaa bbbb cccc dddd", "eeee ffff gggg");
    AttributedString second = lines.get(1);
    assertThat(second.styleAt(0).getStyle()).isNotEqualTo(second.styleAt(6).getStyle());
  }

  @Test
  void chapterHtmlImageBlockIsAPlaceholder() {
    assertThat(
            plain("<p align=\"center\">\n<img src=\"./images/03.jpg\" width=\"800\">\n</p>\n", 80))
        .isEqualTo("[image: 03.jpg (./images/03.jpg)]\n");
  }

  @Test
  void imageHookReplacesAStandaloneImage() {
    ImageHook live =
        (alt, src, width) ->
            src.equals("live")
                ? Optional.of(
                    List.of(
                        new AttributedString("[bridge]--[a]"), new AttributedString("w=" + width)))
                : Optional.empty();
    MarkdownRenderer r = new MarkdownRenderer(40, false, live);
    assertThat(r.toText(r.render("![topology](live)\n\n![x](y.png)\n")))
        .isEqualTo("[bridge]--[a]\nw=40\n\n[image: x (y.png)]\n");
  }

  @Test
  void blockQuotesAndNestedListsAreIndented() {
    assertThat(plain("> quoted\n\n- a\n  - b\n    - c\n", 40))
        .isEqualTo("│ quoted\n\n• a\n  ◦ b\n    ▪ c\n");
  }

  @Test
  void javaCodeIsHighlightedButKeepsItsCharacters() {
    AttributedString s = CodeHighlighter.line("java", "var n = net(\"a\"); // x");
    assertThat(s.toString()).isEqualTo("var n = net(\"a\"); // x");
    assertThat(s.styleAt(0)).isEqualTo(CodeHighlighter.KEYWORD);
    assertThat(s.styleAt(12)).isEqualTo(CodeHighlighter.STRING);
  }
}
