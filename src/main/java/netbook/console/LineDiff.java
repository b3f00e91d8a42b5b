package netbook.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * netbook's one line diff: the edit script between two lists of lines (longest common subsequence),
 * used by the notebook's unified diff of cell outputs and by {@link #marks}, which lines up a
 * book's output with the live one (on the masked lines) and marks each difference: {@code ~ book:
 * 172.17.0.4 live: 172.17.0.3} for a masked one (same in substance), {@code - book: …} for a line
 * only the book has, {@code + live: …} for one only the live output has.
 */
public final class LineDiff {
  private static final int MAX_LINES = 400;

  /** Ping times: they always differ, and marking them would bury what matters. */
  private static final Pattern TIMING = Pattern.compile("time=[\\d.]+|[\\d.]+(/[\\d.]+){2,3}");

  /** What one step of an edit script does with a line. */
  public enum Op {
    /** in both lists */
    KEEP,
    /** only in the first list */
    DELETE,
    /** only in the second list */
    INSERT
  }

  /**
   * One step of an edit script: the line's index in the first list ({@code a}) and in the second
   * ({@code b}); the index of the list the line is not in is where the walk stands in it.
   */
  public record Edit(Op op, int a, int b) {}

  private LineDiff() {}

  /**
   * The edit script from {@code a} to {@code b}, in order; where two scripts are equally short, a
   * line of {@code a} is deleted before a line of {@code b} is inserted.
   */
  public static List<Edit> edits(List<String> a, List<String> b) {
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Edit> edits = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        edits.add(new Edit(Op.KEEP, i++, j++));
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        edits.add(new Edit(Op.DELETE, i++, j));
      } else {
        edits.add(new Edit(Op.INSERT, i, j++));
      }
    }
    return edits;
  }

  static List<String> marks(String book, String live) {
    List<String> b = rawLines(book);
    List<String> l = rawLines(live);
    boolean partial = b.stream().anyMatch(Masking::isEllipsis);
    b = b.stream().filter(s -> !Masking.isEllipsis(s)).toList();
    if (b.size() > MAX_LINES || l.size() > MAX_LINES) {
      return List.of("! outputs too long to line up (" + b.size() + " vs " + l.size() + " lines)");
    }
    List<String> marks = new ArrayList<>();
    // from live to book: where the two line up equally well, the live line is marked first
    for (Edit e : edits(keys(l), keys(b))) {
      switch (e.op()) {
        case KEEP -> {
          String tokens = tokenDiff(b.get(e.b()), l.get(e.a()));
          if (!tokens.isEmpty()) {
            marks.add("~ " + tokens);
          }
        }
        case DELETE -> {
          if (!partial) {
            marks.add("+ live: " + l.get(e.a()).strip());
          }
        }
        case INSERT -> marks.add("- book: " + b.get(e.b()).strip());
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

  private static List<String> keys(List<String> lines) {
    return lines.stream().map(line -> Masking.mask(line).strip().replaceAll("\\s+", " ")).toList();
  }

  /**
   * Whether two texts differ only in what never teaches anything: ids, MACs, times, dates, veth
   * names (equal once masked, with no address among the masked values). A different address does
   * teach (the container got another one), so it is marked.
   */
  static boolean noLesson(String book, String live) {
    String b = Masking.mask(book).strip().replaceAll("\\s+", " ");
    return b.equals(Masking.mask(live).strip().replaceAll("\\s+", " ")) && !b.contains("<ip");
  }

  /** "book: a b live: c d" for the words that differ between two lines equal in substance. */
  static String tokenDiff(String book, String live) {
    String[] bw = book.strip().split("\\s+");
    String[] lw = live.strip().split("\\s+");
    if (bw.length != lw.length) {
      return String.join(" ", bw).equals(String.join(" ", lw)) || noLesson(book, live)
          ? ""
          : "book: " + book.strip() + "  live: " + live.strip();
    }
    List<String> bd = new ArrayList<>();
    List<String> ld = new ArrayList<>();
    for (int k = 0; k < bw.length; k++) {
      if (!bw[k].equals(lw[k]) && !TIMING.matcher(bw[k]).matches() && !noLesson(bw[k], lw[k])) {
        bd.add(bw[k]);
        ld.add(lw[k]);
      }
    }
    return bd.isEmpty() ? "" : "book: " + String.join(" ", bd) + "  live: " + String.join(" ", ld);
  }
}
