package netbook.render;

import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Inline Markdown (text, emphasis, code, links, images, breaks) to one styled string. */
final class Inlines {
  static final AttributedStyle CODE = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
  static final AttributedStyle LINK = AttributedStyle.DEFAULT.underline();
  static final AttributedStyle URL = AttributedStyle.DEFAULT.faint();

  private final boolean color;

  Inlines(boolean color) {
    this.color = color;
  }

  static String placeholder(String alt, String src) {
    String title = alt.isBlank() ? src.substring(src.lastIndexOf('/') + 1) : alt;
    return "[image: " + title + " (" + src + ")]";
  }

  /** The plain text of a node's inline children (an image's alt text). */
  static String plain(Node n) {
    return PlainText.of(n);
  }

  AttributedString of(Node parent) {
    AttributedStringBuilder sb = new AttributedStringBuilder();
    append(parent, sb, AttributedStyle.DEFAULT);
    return sb.toAttributedString();
  }

  private void append(Node parent, AttributedStringBuilder sb, AttributedStyle style) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Text t) {
        sb.styled(style, t.getLiteral().replace('\u00a0', ' '));
      } else if (n instanceof Code c) {
        sb.styled(
            style.foreground(AttributedStyle.YELLOW),
            color ? c.getLiteral() : "`" + c.getLiteral() + "`");
      } else if (n instanceof Emphasis) {
        append(n, sb, style.italic());
      } else if (n instanceof StrongEmphasis) {
        append(n, sb, style.bold());
      } else if (n instanceof SoftLineBreak) {
        sb.styled(style, " ");
      } else if (n instanceof HardLineBreak) {
        sb.append('\n');
      } else if (n instanceof Image img) {
        sb.styled(MarkdownRenderer.IMAGE, placeholder(plain(img), img.getDestination()));
      } else if (n instanceof Link link) {
        int before = sb.length();
        append(n, sb, style.underline());
        String text = sb.toAttributedString().subSequence(before, sb.length()).toString();
        String url = link.getDestination();
        if (!text.equals(url) && !("mailto:" + text).equals(url)) {
          sb.styled(URL, " (" + url + ")");
        }
      } else if (n instanceof HtmlInline html) {
        if (html.getLiteral().matches("(?i)<br\\s*/?>")) {
          sb.append('\n');
        }
      } else {
        append(n, sb, style);
      }
    }
  }
}
