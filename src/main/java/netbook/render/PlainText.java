package netbook.render;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** A Markdown node's text without its markup: a heading's, a paragraph's, an image's alt text. */
public final class PlainText {
  private PlainText() {}

  /** The text and code spans of {@code n}, a soft line break as a space, stripped. */
  public static String of(Node n) {
    StringBuilder sb = new StringBuilder();
    n.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text t) {
            sb.append(t.getLiteral());
          }

          @Override
          public void visit(Code c) {
            sb.append(c.getLiteral());
          }

          @Override
          public void visit(SoftLineBreak b) {
            sb.append(' ');
          }
        });
    return sb.toString().strip();
  }
}
