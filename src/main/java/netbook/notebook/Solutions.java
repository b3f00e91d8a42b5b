package netbook.notebook;

import java.util.ArrayList;
import java.util.List;

/**
 * An exercise chapter with its solutions put in: before each {@code {verify name=N}} cell, the
 * cells of the solutions file named {@code N} (the solutions live in a file of their own, so that a
 * learner's chapter never shows them; {@code check --solutions DIR} uses them, and CI with it).
 */
public final class Solutions {
  private Solutions() {}

  /**
   * The exercise's text with the solution cells inserted, parsed again under the exercise's name.
   *
   * @throws NotebookException naming the solutions file's line of a cell that solves no exercise
   */
  public static Notebook apply(Notebook exercise, Notebook solutions) {
    List<Cell> verifies =
        exercise.cells().stream()
            .filter(c -> c.attributes().verify() && !c.attributes().name().isEmpty())
            .toList();
    for (Cell s : solutions.cells()) {
      String n = s.attributes().name();
      if (verifies.stream().noneMatch(v -> v.attributes().name().equals(n))) {
        throw new NotebookException(
            solutions.file()
                + ":"
                + s.line()
                + ": "
                + (n.isEmpty() ? "a solution cell has no name" : "solution '" + n + "'")
                + " matches no {verify name=…} cell of "
                + exercise.file()
                + "; name it after the verify cell it solves, like {name="
                + (verifies.isEmpty() ? "reach" : verifies.get(0).attributes().name())
                + "}");
      }
    }
    StringBuilder text = new StringBuilder();
    int at = 0;
    for (Cell v : verifies) {
      List<String> fences = new ArrayList<>();
      for (Cell s : solutions.cells()) {
        if (s.attributes().name().equals(v.attributes().name())) {
          fences.add(solutions.text().substring(s.start(), s.end()));
        }
      }
      if (fences.isEmpty()) {
        continue;
      }
      text.append(exercise.text(), at, v.start());
      for (String f : fences) {
        text.append(f).append(f.endsWith("\n") ? "\n" : "\n\n");
      }
      at = v.start();
    }
    text.append(exercise.text().substring(at));
    return NotebookParser.parse(exercise.file(), text.toString());
  }
}
