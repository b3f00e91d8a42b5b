package netbook.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * Speaker notes: HTML comments {@code <!-- notes: … -->} in a notebook's prose (they may span
 * lines). Markdown renderers never show comments, so the notes stay out of the chapter as read and
 * out of the slides; presenter mode shows them on a second terminal or writes them to a file. Only
 * comments that Markdown sees as HTML count: {@code <!-- notes: -->} inside a code block or an
 * inline code span is text, not a note.
 */
public final class SpeakerNotes {
  private static final Parser PARSER = Parser.builder().build();
  private static final Pattern NOTE = Pattern.compile("(?s)<!--\\s*notes:(.*?)-->");

  private SpeakerNotes() {}

  /** The notes in a piece of prose, in order, each stripped, its lines joined as written. */
  public static List<String> in(String markdown) {
    List<String> notes = new ArrayList<>();
    if (!markdown.contains("notes:")) {
      return notes;
    }
    for (String html : htmlOf(markdown)) {
      Matcher m = NOTE.matcher(html);
      while (m.find()) {
        String note = unindent(m.group(1));
        if (!note.isEmpty()) {
          notes.add(note);
        }
      }
    }
    return notes;
  }

  /**
   * The prose without its notes , for a slide: what a renderer would show is unchanged, but nothing
   * can leak.
   */
  public static String strip(String markdown) {
    if (!markdown.contains("notes:")) {
      return markdown;
    }
    String out = markdown;
    for (String html : htmlOf(markdown)) {
      Matcher m = NOTE.matcher(html);
      while (m.find()) {
        out = out.replace(m.group(), "");
      }
    }
    return out;
  }

  /** The raw HTML of the prose, blocks and inline, as commonmark sees it. */
  private static List<String> htmlOf(String markdown) {
    Node doc = PARSER.parse(markdown);
    List<String> html = new ArrayList<>();
    doc.accept(
        new AbstractVisitor() {
          @Override
          public void visit(HtmlBlock b) {
            html.add(b.getLiteral());
          }

          @Override
          public void visit(HtmlInline i) {
            html.add(i.getLiteral());
          }
        });
    return html;
  }

  /** A note's text: its lines without the common indentation, blank lines at the ends dropped. */
  private static String unindent(String raw) {
    List<String> lines = new ArrayList<>(List.of(raw.split("\n", -1)));
    int common = Integer.MAX_VALUE;
    for (int i = 1; i < lines.size(); i++) {
      String l = lines.get(i);
      if (!l.isBlank()) {
        common = Math.min(common, l.length() - l.stripLeading().length());
      }
    }
    StringBuilder sb = new StringBuilder(lines.get(0).strip());
    for (int i = 1; i < lines.size(); i++) {
      String l = lines.get(i);
      sb.append('\n').append(l.isBlank() ? "" : l.substring(common).stripTrailing());
    }
    return sb.toString().strip();
  }
}
