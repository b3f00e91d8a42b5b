package netbook.render;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netbook.render.topology.LiveTopology;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * A chapter's Markdown prose as HTML for {@link HtmlExport}, with commonmark-java's renderer and
 * GFM tables. What would reach outside the page does not: a live topology picture ({@code
 * ![topology](live)}) becomes the inline SVG of the network at that point (or a note when the
 * chapter was not run), any other image a placeholder with its text; raw HTML is shown as text and
 * HTML comments (speaker notes, netbook's markers) are left out. Links stay links.
 */
final class HtmlProse {
  private static final List<org.commonmark.Extension> EXTENSIONS =
      List.of(YamlFrontMatterExtension.create(), TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ALT =
      Pattern.compile("\\balt\\s*=\\s*[\"']([^\"']*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern SRC =
      Pattern.compile("\\bsrc\\s*=\\s*[\"']?([^\"'\\s>]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern COMMENT = Pattern.compile("(?s)\\s*<!--.*?-->\\s*");

  private HtmlProse() {}

  /** The prose as HTML; {@code liveSvg} ("" for none) stands for its live topology pictures. */
  static String render(String markdown, String liveSvg) {
    HtmlRenderer renderer =
        HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .sanitizeUrls(true)
            .nodeRendererFactory(ctx -> new Contained(ctx, liveSvg))
            .build();
    return renderer.render(PARSER.parse(markdown));
  }

  /** Images and raw HTML, kept inside the page. */
  private static final class Contained implements NodeRenderer {
    private final HtmlWriter html;
    private final String liveSvg;

    Contained(HtmlNodeRendererContext context, String liveSvg) {
      this.html = context.getWriter();
      this.liveSvg = liveSvg;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Image.class, HtmlBlock.class, HtmlInline.class);
    }

    @Override
    public void render(Node node) {
      if (node instanceof Image image) {
        image(image);
      } else if (node instanceof HtmlBlock block) {
        raw(block.getLiteral(), true);
      } else if (node instanceof HtmlInline inline) {
        raw(inline.getLiteral(), false);
      }
    }

    private void image(Image image) {
      String alt = altText(image);
      if (LiveTopology.isLivePicture(alt, image.getDestination(), image.getTitle())) {
        if (liveSvg.isEmpty()) {
          placeholder(
              "the network at this point (drawn when the chapter is exported live: without"
                  + " --recorded)");
        } else {
          html.tag("span", Map.of("class", "nb-live"));
          html.raw(liveSvg);
          html.tag("/span");
        }
        return;
      }
      placeholder("image: " + (alt.isEmpty() ? image.getDestination() : alt));
    }

    private void placeholder(String text) {
      html.tag("span", Map.of("class", "nb-img"));
      html.text("[" + text + "]");
      html.tag("/span");
    }

    private void raw(String literal, boolean block) {
      String rest = COMMENT.matcher(literal).replaceAll("");
      if (rest.isBlank()) {
        return;
      }
      Matcher img = IMG.matcher(rest);
      if (img.find()) {
        Matcher alt = ALT.matcher(img.group());
        Matcher src = SRC.matcher(img.group());
        if (block) {
          html.line();
          html.tag("p");
        }
        placeholder(
            "image: "
                + (alt.find() && !alt.group(1).isBlank()
                    ? alt.group(1)
                    : src.find() ? fileName(src.group(1)) : "picture"));
        if (block) {
          html.tag("/p");
          html.line();
        }
        return;
      }
      if (block) {
        html.line();
        html.tag("pre", Map.of("class", "nb-raw"));
        html.text(rest.strip());
        html.tag("/pre");
        html.line();
      } else {
        html.text(rest);
      }
    }

    private static String fileName(String url) {
      String path = url.replaceFirst("[?#].*$", "");
      return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String altText(Image image) {
      StringBuilder b = new StringBuilder();
      for (Node n = image.getFirstChild(); n != null; n = n.getNext()) {
        if (n instanceof Text t) {
          b.append(t.getLiteral());
        }
      }
      return b.toString();
    }
  }
}
