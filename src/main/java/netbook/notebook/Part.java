package netbook.notebook;

/** A notebook in reading order: prose (Markdown to render) and the cells between it. */
public sealed interface Part {

  /** Markdown between cells, as written, starting at {@code line}. */
  record Prose(String markdown, int line) implements Part {
    /** The speaker notes in this prose ({@code <!-- notes: … -->}), in order. */
    public java.util.List<String> notes() {
      return SpeakerNotes.in(markdown);
    }

    @Override
    public String toString() {
      return "prose at line " + line + " (" + markdown.lines().count() + " lines)";
    }
  }

  /** A code cell. */
  record Code(Cell cell) implements Part {
    @Override
    public String toString() {
      return cell.toString();
    }
  }
}
