package netbook.render;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.text.WordUtils;

/**
 * netbook's one word wrapper for plain text (messages, the banner, {@code :help}; {@link
 * StyledWrap} uses it for styled text): lines break at spaces, never inside a word (a word longer
 * than the width stays whole on its own line), line breaks already in the text are kept, and each
 * line's continuation keeps its indentation, or a hanging indent when one is given. A width of 0 or
 * less means "no terminal": the text is left as it is.
 */
public final class Wrap {
  private Wrap() {}

  /** {@code text} wrapped to {@code width}; continuation lines indented as their first line. */
  public static String words(String text, int width) {
    if (width <= 0) {
      return text;
    }
    StringBuilder sb = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String indent = line.substring(0, line.length() - line.stripLeading().length());
      sb.append(String.join("\n", hanging(line, indent.length(), width)));
      if (i < lines.length - 1) {
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * Where one line breaks: the line with a newline at each break (commons-text's {@link WordUtils},
   * long words kept whole). {@link StyledWrap} maps the breaks back onto styled text.
   */
  static String breaks(String line, int width) {
    return WordUtils.wrap(line, Math.max(1, width), "\n", false, " ");
  }

  /**
   * One line (no newline in it) as the lines it wraps to: the first as it starts, the others
   * indented by {@code hang} spaces ({@code :help}'s descriptions line up under their column).
   */
  public static List<String> hanging(String line, int hang, int width) {
    List<String> out = new ArrayList<>();
    if (width <= 0 || line.length() <= width) {
      out.add(line);
      return out;
    }
    String lead = line.substring(0, line.length() - line.stripLeading().length());
    // a hang that leaves fewer than 12 columns would make a ribbon of one-word lines
    String pad = " ".repeat(Math.max(0, hang <= width - 12 ? hang : Math.min(hang, width / 2)));
    String rest = line.stripLeading();
    String prefix = lead;
    while (!rest.isEmpty()) {
      int room = Math.max(1, width - prefix.length());
      if (rest.length() <= room) {
        out.add(prefix + rest);
        break;
      }
      String first = breaks(rest, room).split("\n", 2)[0];
      out.add((prefix + first).stripTrailing());
      rest = rest.substring(Math.min(rest.length(), first.length())).stripLeading();
      prefix = pad;
    }
    return out;
  }
}
