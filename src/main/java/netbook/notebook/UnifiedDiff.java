package netbook.notebook;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two short texts (cell outputs), with three lines of context. */
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
    // longest common subsequence table
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    // the edit script: ' ', '-' or '+' per line, with the line numbers it stands at
    List<char[]> ops = new ArrayList<>();
    List<String> text = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        ops.add(new char[] {' '});
        text.add(a.get(i));
        i++;
        j++;
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.add(new char[] {'-'});
        text.add(a.get(i++));
      } else {
        ops.add(new char[] {'+'});
        text.add(b.get(j++));
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("--- ").append(expectedName).append('\n');
    sb.append("+++ ").append(actualName).append('\n');
    int k = 0;
    while (k < ops.size()) {
      if (ops.get(k)[0] == ' ') {
        k++;
        continue;
      }
      int start = Math.max(0, k - CONTEXT);
      int end = k;
      int lastChange = k;
      while (end < ops.size() && end - lastChange <= 2 * CONTEXT) {
        if (ops.get(end)[0] != ' ') {
          lastChange = end;
        }
        end++;
      }
      end = Math.min(ops.size(), lastChange + CONTEXT + 1);
      int aStart = 0;
      int bStart = 0;
      for (int x = 0; x < start; x++) {
        aStart += ops.get(x)[0] != '+' ? 1 : 0;
        bStart += ops.get(x)[0] != '-' ? 1 : 0;
      }
      int aLen = 0;
      int bLen = 0;
      for (int x = start; x < end; x++) {
        aLen += ops.get(x)[0] != '+' ? 1 : 0;
        bLen += ops.get(x)[0] != '-' ? 1 : 0;
      }
      sb.append("@@ -")
          .append(range(aStart, aLen))
          .append(" +")
          .append(range(bStart, bLen))
          .append(" @@\n");
      for (int x = start; x < end; x++) {
        sb.append(ops.get(x)[0]).append(text.get(x)).append('\n');
      }
      k = end;
    }
    return sb.toString();
  }

  private static String range(int start, int len) {
    return (len == 0 ? start : start + 1) + (len == 1 ? "" : "," + len);
  }
}
