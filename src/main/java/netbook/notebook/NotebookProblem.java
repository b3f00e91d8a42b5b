package netbook.notebook;

/** Something wrong in a notebook file, as one line: {@code file:line: message}. */
public record NotebookProblem(String file, int line, String message) {
  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
