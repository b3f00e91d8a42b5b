package netbook.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out rows the way the docker CLI's tables do (Go's text/tabwriter with minwidth 10, padding
 * 3, spaces): each column is as wide as its widest cell plus three, and at least ten; the last
 * column is not padded.
 */
public final class TabWriter {
  private static final int MIN_WIDTH = 10;
  private static final int PADDING = 3;

  private final List<List<String>> rows = new ArrayList<>();

  public TabWriter row(String... cells) {
    rows.add(List.of(cells));
    return this;
  }

  public TabWriter row(List<String> cells) {
    rows.add(List.copyOf(cells));
    return this;
  }

  @Override
  public String toString() {
    int cols = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] width = new int[cols];
    for (List<String> r : rows) {
      for (int i = 0; i < r.size() - 1; i++) {
        width[i] = Math.max(width[i], Math.max(MIN_WIDTH, r.get(i).length() + PADDING));
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        line.append(r.get(i));
        if (i < r.size() - 1) {
          line.append(" ".repeat(width[i] - r.get(i).length()));
        }
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }
}
