package netbook.notebook;

/**
 * What a cell's recorded output may hold: at most {@value #MAX_LINES} lines and {@value #MAX_BYTES}
 * bytes (64 KiB, UTF-8). A longer output is cut at a line (inside one only when a single line is
 * too long) and ends with one note line saying what was cut, so that a runaway cell (a 50 MB log)
 * never ends up in the notebook. {@code record}, {@code :save} and {@code check}'s comparison all
 * cut the same way, so a recorded cut output checks against a live one.
 */
public final class OutputCap {
  public static final int MAX_LINES = 2_000;
  public static final int MAX_BYTES = 64 * 1024;

  private OutputCap() {}

  /** The output as recorded: itself when within the limits, else its head and the note line. */
  public static String cap(String output) {
    if (output.length() <= MAX_BYTES / 3 && output.length() <= MAX_LINES) {
      return output; // cannot exceed either limit: the common case, without counting
    }
    int lines = 0;
    long bytes = 0;
    int cut = -1;
    for (int i = 0; i < output.length(); i++) {
      char c = output.charAt(i);
      int b = c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
      if (bytes + b > MAX_BYTES) {
        cut = i;
        break;
      }
      bytes += b;
      if (c == '\n' && ++lines == MAX_LINES && i + 1 < output.length()) {
        cut = i + 1;
        break;
      }
    }
    if (cut < 0) {
      return output;
    }
    int lineStart = output.lastIndexOf('\n', cut - 1) + 1;
    if (lineStart > 0) {
      cut = lineStart; // whole lines only, unless one line alone is over the limit
    } else if (cut > 0 && Character.isHighSurrogate(output.charAt(cut - 1))) {
      cut--;
    }
    String head = output.substring(0, cut);
    String rest = output.substring(cut);
    long moreLines = rest.lines().count();
    long moreBytes = utf8Length(rest);
    return head
        + (head.isEmpty() || head.endsWith("\n") ? "" : "\n")
        + note(moreLines, moreBytes)
        + "\n";
  }

  /** The note line that ends a cut output. */
  static String note(long lines, long bytes) {
    return "[netbook: output cut here, "
        + lines
        + (lines == 1 ? " more line" : " more lines")
        + " ("
        + bytes
        + " bytes) not recorded: a recorded output keeps at most "
        + MAX_LINES
        + " lines and 64 KiB]";
  }

  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return n;
  }
}
