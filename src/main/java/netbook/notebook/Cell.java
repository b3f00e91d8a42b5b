package netbook.notebook;

/**
 * One runnable code cell: its number among the notebook's cells (from 1), the line of its opening
 * fence (from 1), what runs it, its language and code, its attributes, where it sits in the file
 * (character offsets of the fence, opening line start to closing line end) and the output recorded
 * after it, if any. {@code problem} is "" or why the cell cannot run (a bad attribute, an unclosed
 * fence).
 */
public record Cell(
    int index,
    int line,
    Kind kind,
    String language,
    String source,
    CellAttributes attributes,
    int start,
    int end,
    RecordedOutput recorded,
    String problem) {

  /** What runs a cell. */
  public enum Kind {
    /** java and jshell cells: snippets in the JShell session. */
    JAVA,
    /** console, bash, sh and shell cells: a transcript of command lines and their output. */
    CONSOLE
  }

  public Cell {
    problem = problem == null ? "" : problem;
  }

  /** Whether the cell can be run at all. */
  public boolean runnable() {
    return problem.isEmpty();
  }

  /** "05-user-defined-networks.md:42 (cell 7)", for messages. */
  public String where(String file) {
    return file + ":" + line + " (cell " + index + ")";
  }

  @Override
  public String toString() {
    return "cell "
        + index
        + " line "
        + line
        + " "
        + language
        + (attributes.equals(CellAttributes.NONE) ? "" : " " + attributes)
        + (recorded == null ? "" : " +output")
        + (problem.isEmpty() ? "" : " [" + problem + "]");
  }
}
