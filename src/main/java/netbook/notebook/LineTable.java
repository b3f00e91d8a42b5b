package netbook.notebook;

import java.util.ArrayList;
import java.util.List;

/** Line starts of a text, split as CommonMark splits lines (\n, \r\n or \r). */
final class LineTable {
  private final String text;
  private final int[] starts;

  LineTable(String text) {
    this.text = text;
    List<Integer> s = new ArrayList<>();
    s.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        i++;
        s.add(i + 1);
      } else if (c == '\n' || c == '\r') {
        s.add(i + 1);
      }
    }
    starts = s.stream().mapToInt(Integer::intValue).toArray();
  }

  int count() {
    return starts.length;
  }

  int lineStart(int line) {
    return starts[Math.min(line, starts.length - 1)];
  }

  /** Offset of the end of a line, before its line break. */
  int lineEnd(int line) {
    if (line + 1 >= starts.length) {
      return text.length();
    }
    int e = starts[line + 1];
    if (e > 0 && text.charAt(e - 1) == '\n') {
      e--;
    }
    if (e > 0 && text.charAt(e - 1) == '\r') {
      e--;
    }
    return Math.max(e, starts[line]);
  }

  /** Offset just after a line's line break (the next line's start). */
  int lineEndWithBreak(int line) {
    return line + 1 >= starts.length ? text.length() : starts[line + 1];
  }

  /** The line (from 0) holding an offset. */
  int lineOf(int offset) {
    int lo = 0;
    int hi = starts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** The line break used first in the text ("\n" when there is none). */
  String lineBreak() {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "\r\n" : "\r";
      }
      if (c == '\n') {
        return "\n";
      }
    }
    return "\n";
  }
}
