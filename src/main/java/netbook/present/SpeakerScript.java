package netbook.present;

import java.util.List;
import netbook.notebook.Notebook;

/**
 * {@code present --notes-file OUT.md}: every slide's number, title and speaker notes as one
 * Markdown page, to print or to read on a tablet.
 */
public final class SpeakerScript {
  private SpeakerScript() {}

  public static String of(Notebook nb) {
    List<Slide> slides = Slides.of(nb);
    StringBuilder sb = new StringBuilder();
    sb.append("# Speaker notes: ").append(nb.title()).append("\n\n");
    sb.append(nb.file())
        .append(": ")
        .append(slides.size())
        .append(slides.size() == 1 ? " slide" : " slides")
        .append(" (bin/netbook present ")
        .append(nb.file())
        .append(")\n");
    for (Slide s : slides) {
      sb.append("\n## ").append(s.number()).append('/').append(slides.size());
      sb.append(" · ").append(s.label()).append("\n\n");
      if (s.notes().isEmpty()) {
        sb.append("*(no notes)*\n");
      } else {
        sb.append(String.join("\n\n", s.notes())).append('\n');
      }
    }
    return sb.toString();
  }
}
