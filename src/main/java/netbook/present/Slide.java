package netbook.present;

import java.util.List;
import netbook.notebook.Cell;

/**
 * One screen of presenter mode: its number (from 1), the section title that starts it ("" when its
 * prose does not start with a {@code #} or {@code ##} heading), the prose after that title with the
 * speaker notes taken out, the {@code {hidden}} setup cells that run before it is shown, its cell
 * (null on a last slide of prose only), and its speaker notes.
 */
public record Slide(
    int number, String title, String prose, List<Cell> hidden, Cell cell, List<String> notes) {

  public Slide {
    hidden = List.copyOf(hidden);
    notes = List.copyOf(notes);
  }

  /** What names the slide in the notes view and the script: its title, else its first words. */
  public String label() {
    if (!title.isEmpty()) {
      return title;
    }
    String words = Slides.plainStart(prose);
    if (!words.isEmpty()) {
      return words;
    }
    if (cell == null) {
      return "the end";
    }
    String code = SlideView.shown(cell).strip().lines().findFirst().orElse("").strip();
    return "cell " + cell.index() + (code.isEmpty() ? "" : ": " + code);
  }

  @Override
  public String toString() {
    return "slide "
        + number
        + " \""
        + label()
        + "\""
        + (cell == null ? "" : " cell " + cell.index())
        + (hidden.isEmpty() ? "" : " +" + hidden.size() + " hidden")
        + (notes.isEmpty() ? "" : " +notes");
  }
}
