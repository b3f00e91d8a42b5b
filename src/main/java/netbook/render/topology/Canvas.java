package netbook.render.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A grid of characters that grows as it is drawn on: boxes and lines in Unicode box-drawing
 * characters, turned into {@code + - |} on output when the terminal cannot show them. Text is
 * converted before it is placed, so a two-character ASCII arrow still fits its width.
 */
final class Canvas {
  private final List<char[]> rows = new ArrayList<>();
  private final boolean unicode;

  Canvas(boolean unicode) {
    this.unicode = unicode;
  }

  int height() {
    return rows.size();
  }

  void put(int x, int y, char c) {
    while (rows.size() <= y) {
      rows.add(new char[0]);
    }
    char[] row = rows.get(y);
    if (row.length <= x) {
      row = Arrays.copyOf(row, x + 1);
      for (int i = rows.get(y).length; i < row.length; i++) {
        row[i] = ' ';
      }
      rows.set(y, row);
    }
    row[x] = c;
  }

  char at(int x, int y) {
    return y < rows.size() && x < rows.get(y).length ? rows.get(y)[x] : ' ';
  }

  /** Places text at (x, y), cut to {@code max} columns with an ellipsis. */
  void text(int x, int y, String s, int max) {
    String t = fit(plain(s), max);
    for (int i = 0; i < t.length(); i++) {
      put(x + i, y, t.charAt(i));
    }
  }

  void hline(int x0, int x1, int y) {
    for (int x = x0; x <= x1; x++) {
      put(x, y, '─');
    }
  }

  void vline(int x, int y0, int y1) {
    for (int y = y0; y <= y1; y++) {
      put(x, y, '│');
    }
  }

  /** A box with its corners at (x, y) and (x + w - 1, y + h - 1) and a title in its top edge. */
  void box(int x, int y, int w, int h, String title) {
    hline(x + 1, x + w - 2, y);
    hline(x + 1, x + w - 2, y + h - 1);
    vline(x, y + 1, y + h - 2);
    vline(x + w - 1, y + 1, y + h - 2);
    put(x, y, '┌');
    put(x + w - 1, y, '┐');
    put(x, y + h - 1, '└');
    put(x + w - 1, y + h - 1, '┘');
    if (!title.isEmpty()) {
      text(x + 4, y, " " + title + " ", w - 6);
    }
  }

  /** The text as this canvas writes it: Unicode arrows and dots in ASCII when asked. */
  String plain(String s) {
    if (unicode) {
      return s;
    }
    return s.replace("→", "->").replace("↔", "<->").replace("…", "...").replace("·", "-");
  }

  String fit(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    String more = unicode ? "…" : "~";
    return max <= 0 ? "" : s.substring(0, max - 1) + more;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (char[] row : rows) {
      String line = new String(row).stripTrailing();
      sb.append(unicode ? line : ascii(line)).append('\n');
    }
    return sb.toString();
  }

  private static String ascii(String line) {
    StringBuilder sb = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      sb.append(
          switch (c) {
            case '─' -> '-';
            case '│' -> '|';
            case '┌', '┐', '└', '┘', '┬', '┴', '├', '┤', '┼' -> '+';
            default -> c;
          });
    }
    return sb.toString();
  }
}
