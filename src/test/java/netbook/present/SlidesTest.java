package netbook.present;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import netbook.notebook.Notebook;
import netbook.notebook.NotebookParser;
import netbook.notebook.OutputRecorder;
import org.junit.jupiter.api.Test;

class SlidesTest {
  static final String NB =
      """
      ---
      title: Presenting
      ---

      # Presenting

      Intro prose.
      <!-- notes: Say hello.
        Second line of the note. -->

      ```java {hidden}
      int secret = 41;
      int count = 0;
      ```

      ```java
      int x = secret + 1;
      ```

      ## Second

      More prose <!-- notes: inline note --> here, and `<!-- notes: not a note -->` in code.

      ```java
      int n = ++count;
      ```
      <!-- netbook:output -->
      ```output
      n ==> 1
      ```

      The end.
      """;

  @Test
  void aSlideIsTheProseBeforeACellAndTheCellHiddenCellsEndNone() {
    List<Slide> slides = Slides.of(NotebookParser.parse("p.md", NB));
    assertThat(slides).hasSize(3);
    Slide first = slides.get(0);
    assertThat(first.title()).isEqualTo("Presenting");
    assertThat(first.prose()).contains("Intro prose.").doesNotContain("# Presenting");
    assertThat(first.hidden()).extracting(c -> c.index()).containsExactly(1);
    assertThat(first.cell().index()).isEqualTo(2);
    assertThat(first.notes()).containsExactly("Say hello.\nSecond line of the note.");
    Slide second = slides.get(1);
    assertThat(second.title()).isEqualTo("Second");
    assertThat(second.cell().index()).isEqualTo(3);
    assertThat(second.notes()).containsExactly("inline note");
    assertThat(slides.get(2).cell()).isNull();
    assertThat(slides.get(2).label()).isEqualTo("The end.");
  }

  @Test
  void notesAreTakenOutOfTheSlidesProseButCodeSpansStay() {
    List<Slide> slides = Slides.of(NotebookParser.parse("p.md", NB));
    assertThat(slides.get(0).prose()).doesNotContain("Say hello").doesNotContain("<!--");
    assertThat(slides.get(1).prose())
        .doesNotContain("inline note")
        .contains("More prose  here")
        .contains("`<!-- notes: not a note -->`");
  }

  @Test
  void stepModeAndRunDoNotShowTheNotesEither() {
    String shown = new netbook.render.MarkdownRenderer(80, false, null).render(NB).toString();
    assertThat(shown).contains("More prose").doesNotContain("Say hello").doesNotContain("inline");
  }

  @Test
  void recordingKeepsTheNotesByteForByte() {
    Notebook nb = NotebookParser.parse("p.md", NB);
    String text = OutputRecorder.apply(nb, Map.of(2, "x ==> 42\n", 3, "n ==> 1\n"));
    assertThat(text)
        .contains("<!-- notes: Say hello.\n  Second line of the note. -->\n")
        .contains("More prose <!-- notes: inline note --> here")
        .contains("x ==> 42");
    assertThat(text.replace("<!-- netbook:output -->\n```output\nx ==> 42\n```\n", ""))
        .isEqualTo(NB);
  }

  @Test
  void theSpeakerScriptHasEverySlideWithItsNotes() {
    String script = SpeakerScript.of(NotebookParser.parse("p.md", NB));
    assertThat(script)
        .startsWith("# Speaker notes: Presenting\n")
        .contains("## 1/3 · Presenting\n\nSay hello.\nSecond line of the note.\n")
        .contains("## 2/3 · Second\n\ninline note\n")
        .contains("## 3/3 · The end.\n\n*(no notes)*\n")
        .doesNotContain("not a note");
  }

  @Test
  void titlesAreDoubleHeightOnlyOnXtermOutsideAMultiplexer() {
    assertThat(TitleStyle.forTerminal("xterm-256color", false, true))
        .isEqualTo(TitleStyle.DOUBLE_HEIGHT);
    assertThat(TitleStyle.forTerminal("xterm-256color", true, true)).isEqualTo(TitleStyle.BOLD);
    assertThat(TitleStyle.forTerminal("tmux-256color", false, true)).isEqualTo(TitleStyle.BOLD);
    assertThat(TitleStyle.forTerminal("xterm", false, false)).isEqualTo(TitleStyle.PLAIN);
  }
}
