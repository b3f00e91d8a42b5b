package netbook.render;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A chapter as one self-contained HTML page ({@code netbook export FILE.md --html OUT.html}): a
 * small header (title, engine, date), the prose rendered from Markdown ({@link HtmlProse}), each
 * cell's code under a language label with its output set apart, and the network diagrams as inline
 * SVG. Nothing refers to anything outside the page: the styles sit in one {@code <style>} block, no
 * script, no font, no image is fetched; it prints on light paper with no cell split across pages.
 *
 * <pre>
 * HtmlExport.render(new Page("User-defined networks", "05-….md", "docker engine at …",
 *     "2026-12-01 06:40 UTC", true, blocks))
 * </pre>
 */
public final class HtmlExport {
  private static final Pattern ANSI =
      Pattern.compile("\u001B(?:\\[[0-?]*[ -/]*[@-~]|\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?)");
  private static final Pattern XML_DECL = Pattern.compile("^\\s*<\\?xml[^>]*\\?>\\s*");

  private HtmlExport() {}

  /**
   * The page: {@code live} says whether the outputs come from a run now (else the recorded ones,
   * and the page says the chapter was not run); {@code engine} is "" when it was not run.
   */
  public record Page(
      String title, String file, String engine, String date, boolean live, List<Block> blocks) {
    public Page {
      blocks = List.copyOf(blocks);
    }

    @Override
    public String toString() {
      return "page \""
          + title
          + "\" ("
          + blocks.size()
          + " blocks, "
          + (live ? "live)" : "recorded)");
    }
  }

  /** A part of the page, in reading order. */
  public sealed interface Block {}

  /**
   * Markdown prose; {@code liveSvg} is the network drawn at that point for its {@code
   * ![topology](live)} pictures ("" when there is none: the picture becomes a note).
   */
  public record Prose(String markdown, String liveSvg) implements Block {
    @Override
    public String toString() {
      return "prose (" + markdown.lines().count() + " lines)";
    }
  }

  /** How a cell went, as the page shows it. */
  public enum Status {
    PASSED,
    FAILED,
    SKIPPED,
    /** the output is the one recorded in the file: the chapter was not run */
    RECORDED
  }

  /**
   * A code cell, its output ("" if none) and, when it failed or was skipped, why; a {@code
   * transcript} (a console cell) holds its commands ({@code $ …}) and their output in {@code
   * source}, and the page tells the two apart.
   */
  public record Code(
      int index,
      int line,
      String language,
      String source,
      String output,
      Status status,
      String why,
      boolean transcript)
      implements Block {
    @Override
    public String toString() {
      return "cell " + index + " " + language + " " + status.name().toLowerCase(Locale.ROOT);
    }
  }

  /** A diagram of the network (an SVG document from the topology renderers) with its caption. */
  public record Figure(String caption, String svg) implements Block {
    @Override
    public String toString() {
      return "figure: " + caption;
    }
  }

  /** The whole page as HTML text. */
  public static String render(Page page) {
    StringBuilder b = new StringBuilder(16_384);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"netbook export\">\n")
        .append("<title>")
        .append(escape(page.title()))
        .append("</title>\n<style>\n")
        .append(ExportStyle.CSS)
        .append("</style>\n</head>\n<body>\n<header class=\"nb-head\">\n")
        .append("<div class=\"nb-book\">netbook · ")
        .append(escape(page.file()))
        .append("</div>\n<div class=\"nb-meta\">");
    if (page.live()) {
      b.append("run on the ").append(escape(page.engine())).append(" · ");
    } else {
      b.append("<strong>not run</strong>: the outputs recorded in the file · ");
    }
    b.append(escape(page.date())).append("</div>\n</header>\n<main>\n");
    for (Block block : page.blocks()) {
      if (block instanceof Prose p) {
        b.append(HtmlProse.render(p.markdown(), inlineSvg(p.liveSvg())));
      } else if (block instanceof Code c) {
        code(b, c);
      } else if (block instanceof Figure f) {
        figure(b, f);
      }
    }
    b.append("</main>\n</body>\n</html>\n");
    return b.toString();
  }

  private static void code(StringBuilder b, Code c) {
    String status = c.status().name().toLowerCase(Locale.ROOT);
    b.append("<section class=\"nb-cell nb-")
        .append(status)
        .append("\" id=\"cell-")
        .append(c.index())
        .append("\">\n<div class=\"nb-cell-head\"><span class=\"nb-lang\">")
        .append(escape(c.language()))
        .append("</span><span class=\"nb-where\">cell ")
        .append(c.index())
        .append(" · line ")
        .append(c.line())
        .append(label(c.status()))
        .append("</span></div>\n<pre class=\"nb-code\"><code class=\"language-")
        .append(escape(c.language()))
        .append("\">")
        .append(c.transcript() ? transcript(c.source()) : escape(trimEnd(plain(c.source()))))
        .append("</code></pre>\n");
    String out = trimEnd(plain(c.output()));
    if (!out.isEmpty()) {
      b.append("<div class=\"nb-out-label\">output</div>\n<pre class=\"nb-out\">")
          .append(escape(out))
          .append("</pre>\n");
    }
    if (!c.why().isEmpty()) {
      b.append("<p class=\"nb-why\">")
          .append(c.status() == Status.FAILED ? "✗ " : "⤼ ")
          .append(escape(c.why()))
          .append("</p>\n");
    }
    b.append("</section>\n");
  }

  /** A console transcript: the command lines (and their continuations) marked as such. */
  private static String transcript(String text) {
    StringBuilder b = new StringBuilder();
    boolean continued = false;
    for (String line : trimEnd(plain(text)).split("\n", -1)) {
      boolean command = continued || line.startsWith("$ ") || line.equals("$");
      if (command) {
        b.append("<span class=\"nb-cmd\">").append(escape(line)).append("</span>\n");
      } else {
        b.append("<span class=\"nb-said\">").append(escape(line)).append("</span>\n");
      }
      continued = command && line.endsWith("\\");
    }
    return b.length() == 0 ? "" : b.substring(0, b.length() - 1);
  }

  private static String label(Status s) {
    return switch (s) {
      case PASSED -> " · <span class=\"nb-ok\">✓ ran</span>";
      case FAILED -> " · <span class=\"nb-bad\">✗ failed</span>";
      case SKIPPED -> " · skipped";
      case RECORDED -> " · recorded";
    };
  }

  private static void figure(StringBuilder b, Figure f) {
    b.append("<figure class=\"nb-fig\">\n")
        .append(inlineSvg(f.svg()))
        .append("\n<figcaption>")
        .append(escape(f.caption()))
        .append("</figcaption>\n</figure>\n");
  }

  /** An SVG document as an element of the page: without its XML declaration. */
  static String inlineSvg(String svg) {
    return svg == null ? "" : XML_DECL.matcher(svg).replaceFirst("").strip();
  }

  /** The text without terminal colour and control sequences. */
  static String plain(String text) {
    return ANSI.matcher(text).replaceAll("").replace("\r\n", "\n");
  }

  private static String trimEnd(String s) {
    return s.stripTrailing();
  }

  /** Text for HTML content and attribute values. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
