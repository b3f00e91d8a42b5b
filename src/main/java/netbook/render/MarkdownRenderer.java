package netbook.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Markdown to styled terminal lines: headings, emphasis, inline code, fenced code (lightly
 * highlighted), nested lists, block quotes, links (text and URL), GFM tables, and images as a
 * titled placeholder {@code [image: alt (path)]} (or what the {@link ImageHook} draws). Raw HTML
 * image blocks such as {@code <p align="center"><img src=…></p>} show as the placeholder too.
 * Paragraphs wrap to the width. Without colour, the characters are the same minus the styles, and
 * inline code keeps its backticks.
 */
public final class MarkdownRenderer {
  private static final Parser PARSER =
      Parser.builder()
          .extensions(List.of(YamlFrontMatterExtension.create(), TablesExtension.create()))
          .build();
  private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern SRC =
      Pattern.compile("\\bsrc\\s*=\\s*[\"']?([^\"'\\s>]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ALT =
      Pattern.compile("\\balt\\s*=\\s*[\"']([^\"']*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern COMMENT = Pattern.compile("(?s)\\s*<!--.*-->\\s*");

  static final AttributedStyle H1 =
      AttributedStyle.BOLD.underline().foreground(AttributedStyle.CYAN);
  static final AttributedStyle H2 = AttributedStyle.BOLD.foreground(AttributedStyle.CYAN);
  static final AttributedStyle H3 = AttributedStyle.BOLD;
  static final AttributedStyle QUOTE = AttributedStyle.DEFAULT.faint();
  static final AttributedStyle IMAGE = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);

  private final int width;
  private final boolean color;
  private final ImageHook images;

  public MarkdownRenderer(int width, boolean color, ImageHook images) {
    this.width = Math.max(20, width);
    this.color = color;
    this.images = images == null ? ImageHook.PLACEHOLDER : images;
  }

  public int width() {
    return width;
  }

  public boolean color() {
    return color;
  }

  /** The rendered Markdown, one line per element, each line ending in a line break. */
  public AttributedString render(String markdown) {
    AttributedStringBuilder sb = new AttributedStringBuilder();
    for (AttributedString line : lines(markdown)) {
      sb.append(line).append('\n');
    }
    return sb.toAttributedString();
  }

  /** The rendered Markdown as a string: ANSI styles when colour is on, plain text otherwise. */
  public String toText(AttributedString s) {
    return color ? s.toAnsi() : s.toString();
  }

  public List<AttributedString> lines(String markdown) {
    Node doc = PARSER.parse(markdown);
    List<AttributedString> out = new ArrayList<>();
    children(doc, width, out, false);
    return out;
  }

  private void children(Node parent, int w, List<AttributedString> out, boolean tight) {
    boolean first = true;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      List<AttributedString> lines = block(n, w);
      if (lines.isEmpty()) {
        continue;
      }
      if (!first && !tight) {
        out.add(AttributedString.EMPTY);
      }
      out.addAll(lines);
      first = false;
    }
  }

  private List<AttributedString> block(Node n, int w) {
    List<AttributedString> out = new ArrayList<>();
    if (n instanceof Heading h) {
      heading(h, w, out);
    } else if (n instanceof Paragraph p) {
      paragraph(p, w, out);
    } else if (n instanceof FencedCodeBlock f) {
      code(NotebookInfo.language(f.getInfo()), f.getLiteral(), out);
    } else if (n instanceof IndentedCodeBlock c) {
      code("", c.getLiteral(), out);
    } else if (n instanceof BlockQuote q) {
      List<AttributedString> inner = new ArrayList<>();
      children(q, w - 2, inner, false);
      for (AttributedString l : inner) {
        out.add(prefixed(new AttributedString("│ ", QUOTE), l));
      }
    } else if (n instanceof ListBlock list) {
      list(list, w, out);
    } else if (n instanceof ThematicBreak) {
      out.add(new AttributedString("─".repeat(w), QUOTE));
    } else if (n instanceof HtmlBlock html) {
      html(html.getLiteral(), w, out);
    } else if (n instanceof TableBlock t) {
      out.addAll(new TableLayout(new Inlines(color)).lines(t, w));
    }
    return out;
  }

  private void heading(Heading h, int w, List<AttributedString> out) {
    AttributedStyle style = h.getLevel() == 1 ? H1 : h.getLevel() == 2 ? H2 : H3;
    AttributedString text = new Inlines(color).of(h);
    List<AttributedString> lines = StyledWrap.wrap(restyle(text, style), w);
    out.addAll(lines);
    if (h.getLevel() <= 2) {
      int len = lines.stream().mapToInt(AttributedString::columnLength).max().orElse(0);
      out.add(new AttributedString((h.getLevel() == 1 ? "═" : "─").repeat(len), style));
    }
  }

  private static AttributedString restyle(AttributedString s, AttributedStyle style) {
    AttributedStringBuilder sb = new AttributedStringBuilder();
    for (int i = 0; i < s.length(); i++) {
      AttributedStyle own = s.styleAt(i);
      sb.style(own.equals(AttributedStyle.DEFAULT) ? style : own).append(s.charAt(i));
    }
    return sb.toAttributedString();
  }

  private void paragraph(Paragraph p, int w, List<AttributedString> out) {
    Node only = p.getFirstChild();
    if (only instanceof Image img && only.getNext() == null) {
      image(Inlines.plain(img), img.getDestination(), w, out);
      return;
    }
    out.addAll(StyledWrap.wrap(new Inlines(color).of(p), w));
  }

  private void image(String alt, String src, int w, List<AttributedString> out) {
    var drawn = images.render(alt, src, w);
    if (drawn.isPresent()) {
      out.addAll(drawn.get());
    } else {
      out.add(new AttributedString(Inlines.placeholder(alt, src), IMAGE));
    }
  }

  private void html(String literal, int w, List<AttributedString> out) {
    if (COMMENT.matcher(literal).matches()) {
      return;
    }
    Matcher m = IMG.matcher(literal);
    boolean any = false;
    while (m.find()) {
      Matcher src = SRC.matcher(m.group());
      Matcher alt = ALT.matcher(m.group());
      image(alt.find() ? alt.group(1) : "", src.find() ? src.group(1) : "", w, out);
      any = true;
    }
    if (!any) {
      String text = literal.replaceAll("<[^>]*>", "").strip();
      if (!text.isEmpty()) {
        out.addAll(StyledWrap.wrap(new AttributedString(text, QUOTE), w));
      }
    }
  }

  private void code(String language, String literal, List<AttributedString> out) {
    String body = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    for (String line : body.split("\n", -1)) {
      out.add(prefixed(new AttributedString("    "), CodeHighlighter.line(language, line)));
    }
  }

  private void list(ListBlock list, int w, List<AttributedString> out) {
    int number = list instanceof OrderedList o ? o.getMarkerStartNumber() : 0;
    int depth = depth(list);
    String bullet = depth == 0 ? "• " : depth == 1 ? "◦ " : "▪ ";
    int markerWidth =
        list instanceof OrderedList ? String.valueOf(number + count(list)).length() + 2 : 2;
    boolean first = true;
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      if (!(item instanceof ListItem)) {
        continue;
      }
      String marker = list instanceof OrderedList ? pad(number++ + ". ", markerWidth) : bullet;
      List<AttributedString> inner = new ArrayList<>();
      children(item, w - markerWidth, inner, list.isTight());
      if (!first && !list.isTight()) {
        out.add(AttributedString.EMPTY);
      }
      for (int i = 0; i < inner.size(); i++) {
        String prefix = i == 0 ? marker : " ".repeat(markerWidth);
        out.add(prefixed(new AttributedString(prefix), inner.get(i)));
      }
      if (inner.isEmpty()) {
        out.add(new AttributedString(marker.stripTrailing()));
      }
      first = false;
    }
  }

  private static int depth(Node n) {
    int d = 0;
    for (Node p = n.getParent(); p != null; p = p.getParent()) {
      if (p instanceof ListBlock) {
        d++;
      }
    }
    return d;
  }

  private static int count(ListBlock list) {
    int c = 0;
    for (Node i = list.getFirstChild(); i != null; i = i.getNext()) {
      c++;
    }
    return Math.max(0, c - 1);
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  static AttributedString prefixed(AttributedString prefix, AttributedString line) {
    if (line.length() == 0) {
      return StyledWrap.trimEnd(prefix);
    }
    return new AttributedStringBuilder().append(prefix).append(line).toAttributedString();
  }
}
