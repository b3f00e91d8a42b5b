package netbook.notebook;

import java.util.List;

/**
 * A parsed notebook: its file name (for messages), the name its resources are labelled with, the
 * title (front matter, else the first heading, else the file name), the images it needs, whether
 * what it creates is removed at its end, the text as read, the parts in reading order, its cells,
 * and the problems found while parsing (each already a {@code file:line: message} line).
 */
public record Notebook(
    String file,
    String name,
    String title,
    List<String> images,
    boolean cleanup,
    String text,
    List<Part> parts,
    List<Cell> cells,
    List<NotebookProblem> problems) {

  public Notebook {
    images = List.copyOf(images);
    parts = List.copyOf(parts);
    cells = List.copyOf(cells);
    problems = List.copyOf(problems);
  }

  /** The cell with this number (from 1). */
  public Cell cell(int index) {
    if (index < 1 || index > cells.size()) {
      throw new IndexOutOfBoundsException(
          file + " has " + cells.size() + " cells; there is no cell " + index);
    }
    return cells.get(index - 1);
  }

  @Override
  public String toString() {
    return file
        + " \""
        + title
        + "\": "
        + cells.size()
        + " cells"
        + (problems.isEmpty() ? "" : ", " + problems.size() + " problems");
  }
}
