package netbook.notebook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes cell outputs into a notebook's text: a {@code <!-- netbook:output -->} comment and an
 * {@code output} fence right after each cell, replacing the one recorded before. Nothing else in
 * the text changes, byte for byte; new lines use the file's own line break. An output longer than
 * {@link OutputCap} allows is recorded cut, with a note line saying what was left out.
 */
public final class OutputRecorder {
  private OutputRecorder() {}

  /**
   * The notebook's text with these outputs (cell number → output) recorded. A cell given "" loses
   * its recorded output; cells not in the map keep theirs.
   */
  public static String apply(Notebook nb, Map<Integer, String> outputs) {
    String text = nb.text();
    String nl = new LineTable(text).lineBreak();
    record Edit(int from, int to, String with) {}
    List<Edit> edits = new ArrayList<>();
    for (var e : outputs.entrySet()) {
      Cell c = nb.cell(e.getKey());
      String output = OutputCap.cap(e.getValue());
      String block = output.isEmpty() ? "" : block(output, nl, indentOf(text, c));
      if (c.recorded() != null && block.isEmpty()) {
        edits.add(new Edit(c.end(), c.recorded().end(), ""));
      } else if (c.recorded() != null) {
        // only the block changes: the blank lines between the cell and its output stay
        edits.add(new Edit(c.recorded().start(), c.recorded().end(), block));
      } else if (!block.isEmpty()) {
        edits.add(new Edit(c.end(), c.end(), nl + block));
      }
    }
    edits.sort(Comparator.comparingInt(Edit::from).reversed());
    StringBuilder sb = new StringBuilder(text);
    for (Edit ed : edits) {
      sb.replace(ed.from(), ed.to(), ed.with());
    }
    return sb.toString();
  }

  private static String indentOf(String text, Cell c) {
    int i = c.start();
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return text.substring(c.start(), i);
  }

  /** The comment and fence, without a trailing line break; fenced longer than any ``` inside. */
  static String block(String output, String nl, String indent) {
    String body = output.endsWith("\n") ? output.substring(0, output.length() - 1) : output;
    int longest = 0;
    int run = 0;
    for (char ch : body.toCharArray()) {
      run = ch == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(Math.max(3, longest + 1));
    StringBuilder sb = new StringBuilder();
    sb.append(indent).append(NotebookParser.OUTPUT_MARKER).append(nl);
    sb.append(indent).append(fence).append("output").append(nl);
    for (String line : body.split("\n", -1)) {
      sb.append(line.isEmpty() ? "" : indent).append(line).append(nl);
    }
    sb.append(indent).append(fence);
    return sb.toString();
  }
}
