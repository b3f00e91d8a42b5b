package netbook.render;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.Node;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** A GFM table as aligned columns: a bold header, a rule, the rows; columns two spaces apart. */
final class TableLayout {
  private final Inlines inlines;

  TableLayout(Inlines inlines) {
    this.inlines = inlines;
  }

  List<AttributedString> lines(TableBlock table, int width) {
    List<List<AttributedString>> rows = new ArrayList<>();
    List<TableCell.Alignment> align = new ArrayList<>();
    int headerRows = 0;
    for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
      for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
        List<AttributedString> cells = new ArrayList<>();
        int col = 0;
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
          TableCell tc = (TableCell) cell;
          AttributedString s = inlines.of(tc);
          cells.add(section instanceof TableHead ? bold(s) : s);
          if (align.size() <= col) {
            align.add(tc.getAlignment());
          }
          col++;
        }
        rows.add(cells);
        if (section instanceof TableHead) {
          headerRows++;
        }
      }
    }
    int cols = align.size();
    int[] w = new int[cols];
    for (List<AttributedString> r : rows) {
      for (int c = 0; c < r.size() && c < cols; c++) {
        w[c] = Math.max(w[c], r.get(c).columnLength());
      }
    }
    List<AttributedString> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      out.add(row(rows.get(i), w, align));
      if (i == headerRows - 1) {
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < cols; c++) {
          rule.append(c == 0 ? "" : "  ").append("─".repeat(w[c]));
        }
        out.add(new AttributedString(rule.toString(), AttributedStyle.DEFAULT.faint()));
      }
    }
    return out;
  }

  private static AttributedString bold(AttributedString s) {
    AttributedStringBuilder sb = new AttributedStringBuilder();
    for (int i = 0; i < s.length(); i++) {
      sb.style(s.styleAt(i).bold()).append(s.charAt(i));
    }
    return sb.toAttributedString();
  }

  private static AttributedString row(
      List<AttributedString> cells, int[] w, List<TableCell.Alignment> align) {
    AttributedStringBuilder sb = new AttributedStringBuilder();
    for (int c = 0; c < w.length; c++) {
      AttributedString cell = c < cells.size() ? cells.get(c) : AttributedString.EMPTY;
      int pad = w[c] - cell.columnLength();
      TableCell.Alignment a = align.get(c);
      int left =
          a == TableCell.Alignment.RIGHT ? pad : a == TableCell.Alignment.CENTER ? pad / 2 : 0;
      if (c > 0) {
        sb.append("  ");
      }
      sb.append(" ".repeat(left)).append(cell);
      if (c < w.length - 1) {
        sb.append(" ".repeat(pad - left));
      }
    }
    return StyledWrap.trimEnd(sb.toAttributedString());
  }
}
