package netbook.present;

import java.util.ArrayList;
import java.util.List;
import netbook.notebook.Cell;
import netbook.notebook.Notebook;
import netbook.notebook.Part;
import netbook.notebook.SpeakerNotes;
import netbook.render.PlainText;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * A notebook cut into slides: a slide is the prose before a cell plus that cell. A {@code {hidden}}
 * cell ends no slide: its prose goes on into the next one, and it runs, unseen, when that slide is
 * first shown. Prose after the last cell is a last slide of its own.
 */
public final class Slides {
  private static final Parser PARSER =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

  private Slides() {}

  public static List<Slide> of(Notebook nb) {
    List<Slide> slides = new ArrayList<>();
    StringBuilder prose = new StringBuilder();
    List<String> notes = new ArrayList<>();
    List<Cell> hidden = new ArrayList<>();
    for (Part p : nb.parts()) {
      if (p instanceof Part.Prose text) {
        prose.append(text.markdown());
        notes.addAll(text.notes());
      } else if (p instanceof Part.Code code) {
        if (code.cell().attributes().hidden()) {
          hidden.add(code.cell());
          continue;
        }
        slides.add(slide(slides.size() + 1, prose.toString(), hidden, code.cell(), notes));
        prose.setLength(0);
        notes.clear();
        hidden.clear();
      }
    }
    if (!prose.toString().isBlank() || !hidden.isEmpty() || !notes.isEmpty()) {
      slides.add(slide(slides.size() + 1, prose.toString(), hidden, null, notes));
    }
    return slides;
  }

  private static Slide slide(
      int number, String markdown, List<Cell> hidden, Cell cell, List<String> notes) {
    String prose = SpeakerNotes.strip(markdown);
    Node doc = PARSER.parse(prose);
    Node first = doc.getFirstChild();
    String title = "";
    if (first instanceof Heading h && h.getLevel() <= 2 && !h.getSourceSpans().isEmpty()) {
      title = plain(h);
      List<SourceSpan> spans = h.getSourceSpans();
      int lastLine = spans.get(spans.size() - 1).getLineIndex();
      prose = afterLine(prose, lastLine);
    }
    return new Slide(number, title, prose, hidden, cell, notes);
  }

  /** The text after line {@code index} (from 0). */
  private static String afterLine(String text, int index) {
    int at = 0;
    for (int i = 0; i <= index && at >= 0; i++) {
      at = text.indexOf('\n', at);
      at = at < 0 ? -1 : at + 1;
    }
    return at < 0 ? "" : text.substring(at);
  }

  /** A heading's or paragraph's text without markup. */
  static String plain(Node n) {
    return PlainText.of(n);
  }

  /** The first words of some prose, plain, up to about 50 characters (with … when cut). */
  static String plainStart(String markdown) {
    Node doc = PARSER.parse(markdown);
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      String text = plain(n);
      if (text.isEmpty()) {
        continue;
      }
      if (text.length() <= 50) {
        return text;
      }
      int cut = text.lastIndexOf(' ', 50);
      return text.substring(0, cut > 20 ? cut : 50) + "…";
    }
    return "";
  }
}
