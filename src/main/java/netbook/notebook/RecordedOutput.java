package netbook.notebook;

/**
 * An output recorded after a cell: a {@code <!-- netbook:output -->} comment and an {@code output}
 * fence. {@code start}/{@code end} are the character offsets from the comment's line start to the
 * end of the closing fence line (without its line break); {@code line} is the comment's line.
 */
public record RecordedOutput(String text, int line, int start, int end) {
  @Override
  public String toString() {
    return "output at line " + line + ": " + text.lines().count() + " lines";
  }
}
