package netbook.notebook;

import java.util.ArrayList;
import java.util.List;
import netbook.console.LineDiff;

/**
 * A unified diff of two short texts (cell outputs), with three lines of context, over {@link
 * LineDiff}'s edit script.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** The diff from {@code expected} to {@code actual}, or "" when they are equal. */
  public static String of(String expectedName, String actualName, String expected, String actual) {
    List<String> a = expected.lines().toList();
    List<String> b = actual.lines().toList();
    if (a.equals(b)) {
      return "";
    }
    // the edit script: ' ', '-' or '+' per line
    StringBuilder ops = new StringBuilder();
    List<String> text = new ArrayList<>();
    for (LineDiff.Edit e : LineDiff.edits(a, b)) {
      switch (e.op()) {
        case KEEP -> ops.append(' ');
        case DELETE -> ops.append('-');
        case INSERT -> ops.append('+');
      }
      text.add(e.op() == LineDiff.Op.INSERT ? b.get(e.b()) : a.get(e.a()));
    }
    StringBuilder sb = new StringBuilder();
    sb.append("--- ").append(expectedName).append('\n');
    sb.append("+++ ").append(actualName).append('\n');
    int k = 0;
    while (k < ops.length()) {
      if (ops.charAt(k) == ' ') {
        k++;
        continue;
      }
      int start = Math.max(0, k - CONTEXT);
      int end = k;
      int lastChange = k;
      while (end < ops.length() && end - lastChange <= 2 * CONTEXT) {
        if (ops.charAt(end) != ' ') {
          lastChange = end;
        }
        end++;
      }
      end = Math.min(ops.length(), lastChange + CONTEXT + 1);
      int aStart = 0;
      int bStart = 0;
      for (int x = 0; x < start; x++) {
        aStart += ops.charAt(x) != '+' ? 1 : 0;
        bStart += ops.charAt(x) != '-' ? 1 : 0;
      }
      int aLen = 0;
      int bLen = 0;
      for (int x = start; x < end; x++) {
        aLen += ops.charAt(x) != '+' ? 1 : 0;
        bLen += ops.charAt(x) != '-' ? 1 : 0;
      }
      sb.append("@@ -")
          .append(range(aStart, aLen))
          .append(" +")
          .append(range(bStart, bLen))
          .append(" @@\n");
      for (int x = start; x < end; x++) {
        sb.append(ops.charAt(x)).append(text.get(x)).append('\n');
      }
      k = end;
    }
    return sb.toString();
  }

  private static String range(int start, int len) {
    return (len == 0 ? start : start + 1) + (len == 1 ? "" : "," + len);
  }
}
