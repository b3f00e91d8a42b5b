package netbook.console;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines up a book's output with the live one (longest common subsequence of the masked lines) and
 * marks each difference: {@code ~ book: 172.17.0.4 live: 172.17.0.3} for a masked one (same in
 * substance), {@code - book: …} for a line only the book has, {@code + live: …} for one only the
 * live output has.
 */
final class LineDiff {
  private static final int MAX_LINES = 400;

  /** Ping times: they always differ, and marking them would bury what matters. */
  private static final java.util.regex.Pattern TIMING =
      java.util.regex.Pattern.compile("time=[\\d.]+|[\\d.]+(/[\\d.]+){2,3}");

  private LineDiff() {}

  static List<String> marks(String book, String live) {
    List<String> b = rawLines(book);
    List<String> l = rawLines(live);
    boolean partial = b.stream().anyMatch(Masking::isEllipsis);
    b = b.stream().filter(s -> !Masking.isEllipsis(s)).toList();
    if (b.size() > MAX_LINES || l.size() > MAX_LINES) {
      return List.of("! outputs too long to line up (" + b.size() + " vs " + l.size() + " lines)");
    }
    List<String> mb = b.stream().map(LineDiff::key).toList();
    List<String> ml = l.stream().map(LineDiff::key).toList();
    int[][] lcs = new int[mb.size() + 1][ml.size() + 1];
    for (int i = mb.size() - 1; i >= 0; i--) {
      for (int j = ml.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            mb.get(i).equals(ml.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> marks = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < mb.size() || j < ml.size()) {
      if (i < mb.size() && j < ml.size() && mb.get(i).equals(ml.get(j))) {
        String tokens = tokenDiff(b.get(i), l.get(j));
        if (!tokens.isEmpty()) {
          marks.add("~ " + tokens);
        }
        i++;
        j++;
      } else if (j < ml.size() && (i == mb.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
        if (!partial) {
          marks.add("+ live: " + l.get(j).strip());
        }
        j++;
      } else {
        marks.add("- book: " + b.get(i).strip());
        i++;
      }
    }
    return marks;
  }

  private static List<String> rawLines(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.replace("\r\n", "\n").split("\n")) {
      if (!line.isBlank()) {
        out.add(line);
      }
    }
    return out;
  }

  private static String key(String line) {
    return Masking.mask(line).strip().replaceAll("\\s+", " ");
  }

  /** "book: a b live: c d" for the words that differ between two lines equal in substance. */
  static String tokenDiff(String book, String live) {
    String[] bw = book.strip().split("\\s+");
    String[] lw = live.strip().split("\\s+");
    if (bw.length != lw.length) {
      return String.join(" ", bw).equals(String.join(" ", lw))
          ? ""
          : "book: " + book.strip() + "  live: " + live.strip();
    }
    List<String> bd = new ArrayList<>();
    List<String> ld = new ArrayList<>();
    for (int k = 0; k < bw.length; k++) {
      if (!bw[k].equals(lw[k]) && !TIMING.matcher(bw[k]).matches()) {
        bd.add(bw[k]);
        ld.add(lw[k]);
      }
    }
    return bd.isEmpty() ? "" : "book: " + String.join(" ", bd) + "  live: " + String.join(" ", ld);
  }
}
