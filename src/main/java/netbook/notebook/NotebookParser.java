package netbook.notebook;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import netbook.render.PlainText;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Markdown to {@link Notebook}, on commonmark-java with source spans: java/jshell fences are JShell
 * cells, console/bash/sh/shell fences are transcripts, every other fence is prose. A problem (bad
 * attribute, unclosed fence, unknown front matter key) is recorded as a {@code file:line} line and
 * parsing goes on; only a file that is not text at all is refused.
 */
public final class NotebookParser {
  static final String OUTPUT_MARKER = "<!-- netbook:output -->";

  private static final Parser PARSER =
      Parser.builder()
          .extensions(List.of(YamlFrontMatterExtension.create(), TablesExtension.create()))
          .includeSourceSpans(IncludeSourceSpans.BLOCKS)
          .build();

  private NotebookParser() {}

  /** Parses a notebook file's bytes; {@code file} names it in messages. */
  public static Notebook parse(String file, byte[] bytes) {
    return parse(file, decode(file, bytes));
  }

  /** Decodes UTF-8, refusing binary data with a line naming where it starts. */
  static String decode(String file, byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw notText(file, bytes, i, "a NUL byte");
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      int at = firstBadUtf8(bytes);
      throw notText(file, bytes, at, "bytes that are not UTF-8");
    }
  }

  private static NotebookException notText(String file, byte[] bytes, int at, String what) {
    int line = 1;
    for (int i = 0; i < at && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return new NotebookException(
        file
            + ":"
            + line
            + ": not a Markdown notebook: "
            + what
            + " at byte "
            + at
            + "; a notebook is UTF-8 text");
  }

  private static int firstBadUtf8(byte[] b) {
    ByteBuffer in = ByteBuffer.wrap(b);
    CharBuffer out = CharBuffer.allocate(b.length + 1);
    StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(in, out, true);
    return in.position();
  }

  /** Parses notebook text; {@code file} names it in messages. */
  public static Notebook parse(String file, String text) {
    return new Run(file, text).parse();
  }

  /** One parse: the text, its line table, and what was found so far. */
  private static final class Run {
    private final String file;
    private final String text;
    private final LineTable lines;
    private final List<NotebookProblem> problems = new ArrayList<>();

    Run(String file, String text) {
      this.file = file;
      this.text = text;
      this.lines = new LineTable(text);
    }

    Notebook parse() {
      Node doc = PARSER.parse(text);
      int proseStart = 0;
      String title = "";
      List<String> images = List.of();
      boolean cleanup = true;
      Node first = doc.getFirstChild();
      if (first instanceof YamlFrontMatterBlock fm) {
        YamlFrontMatterVisitor v = new YamlFrontMatterVisitor();
        doc.accept(v);
        Map<String, List<String>> data = v.getData();
        for (var e : data.entrySet()) {
          String key = e.getKey();
          List<String> values = e.getValue();
          switch (key) {
            case "title" -> title = values.isEmpty() ? "" : values.get(0);
            case "images" -> images = values;
            case "cleanup" -> cleanup = cleanupValue(key, values);
            default ->
                problem(
                    keyLine(key),
                    "note: front matter key '"
                        + key
                        + "' is not netbook's (another tool's?): ignored; netbook reads title,"
                        + " images and cleanup");
          }
        }
        proseStart = lines.lineEndWithBreak(lastLine(fm));
      }
      List<FencedCodeBlock> fences = new ArrayList<>();
      doc.accept(
          new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock f) {
              fences.add(f);
            }
          });
      List<Cell> cells = new ArrayList<>();
      List<Part> parts = new ArrayList<>();
      int cursor = proseStart;
      int proseIndent = 0;
      for (FencedCodeBlock f : fences) {
        String[] info = splitInfo(f.getInfo());
        Cell.Kind kind = kindOf(info[0]);
        boolean closed = f.getClosingFenceLength() != null;
        int line = firstLine(f) + 1;
        if (kind == null) {
          if (!closed) {
            problem(
                line,
                "unclosed code fence: everything after it is code; close it with a "
                    + fence(f)
                    + " line");
          }
          continue;
        }
        int start = lines.lineStart(firstLine(f));
        if (start < cursor) {
          continue; // an output block already consumed
        }
        String problem = "";
        CellAttributes attrs = CellAttributes.NONE;
        List<String> ignored = new ArrayList<>();
        try {
          attrs = CellAttributes.parse(info[1], ignored);
        } catch (IllegalArgumentException e) {
          problem = e.getMessage();
        }
        if (!ignored.isEmpty()) {
          problem(
              line,
              "note: cell attribute"
                  + (ignored.size() == 1 ? " '" : "s '")
                  + String.join("', '", ignored)
                  + "' not netbook's (another tool's?): ignored; netbook reads name=,"
                  + " expect=fail, timeout=, hidden and skip");
        }
        String source = f.getLiteral() == null ? "" : f.getLiteral();
        if (closed && problem.isEmpty() && PromptlessScript.applies(info[0], source)) {
          if (PromptlessScript.dockerLines(source) == null && !attrs.skip()) {
            attrs = attrs.skipped();
            problem(
                line,
                "warning: this "
                    + info[0]
                    + " block has no '$ ' prompts and is not only docker lines: not run"
                    + " (skipped); write its commands as '$ docker …' lines to run them");
          }
        }
        if (!closed) {
          problem =
              "unclosed code fence: the cell runs to the end of the file; close it with a "
                  + fence(f)
                  + " line";
        }
        int end = lines.lineEnd(lastLine(f));
        RecordedOutput recorded = closed ? recordedAfter(f) : null;
        Cell cell =
            new Cell(
                cells.size() + 1,
                line,
                kind,
                info[0],
                source,
                attrs,
                start,
                end,
                recorded,
                problem);
        if (!problem.isEmpty()) {
          problem(line, problem + " (cell " + cell.index() + ")");
        }
        addProse(parts, cursor, start, proseIndent);
        parts.add(new Part.Code(cell));
        cells.add(cell);
        cursor = recorded != null ? recorded.end() : end;
        proseIndent = leadingSpaces(start);
      }
      addProse(parts, cursor, text.length(), proseIndent);
      if (title.isEmpty()) {
        title = firstHeading(doc);
      }
      if (title.isEmpty()) {
        title = file;
      }
      return new Notebook(
          file, labelName(file), title, images, cleanup, text, parts, cells, problems);
    }

    private boolean cleanupValue(String key, List<String> values) {
      String v = values.isEmpty() ? "" : values.get(0).toLowerCase(Locale.ROOT);
      return switch (v) {
        case "true", "yes", "on" -> true;
        case "false", "no", "off", "keep" -> false;
        default -> {
          problem(keyLine(key), "bad value cleanup: " + v + ": use cleanup: true or false");
          yield true;
        }
      };
    }

    private int keyLine(String key) {
      for (int i = 0; i < lines.count(); i++) {
        String l = text.substring(lines.lineStart(i), lines.lineEnd(i));
        if (l.startsWith(key + ":")) {
          return i + 1;
        }
      }
      return 1;
    }

    private void problem(int line, String message) {
      problems.add(new NotebookProblem(file, line, message));
    }

    private RecordedOutput recordedAfter(FencedCodeBlock f) {
      Node next = f.getNext();
      if (!(next instanceof HtmlBlock html) || !html.getLiteral().strip().equals(OUTPUT_MARKER)) {
        return null;
      }
      if (!(html.getNext() instanceof FencedCodeBlock out)
          || !splitInfo(out.getInfo())[0].equals("output")) {
        return null;
      }
      if (out.getClosingFenceLength() == null) {
        problem(
            firstLine(out) + 1, "unclosed output fence: close it with a " + fence(out) + " line");
        return null;
      }
      return new RecordedOutput(
          out.getLiteral(),
          firstLine(html) + 1,
          lines.lineStart(firstLine(html)),
          lines.lineEnd(lastLine(out)));
    }

    private int leadingSpaces(int from) {
      int n = 0;
      while (from + n < text.length() && text.charAt(from + n) == ' ') {
        n++;
      }
      return n;
    }

    private void addProse(List<Part> parts, int from, int to, int indent) {
      if (to <= from) {
        return;
      }
      String md = text.substring(from, to);
      if (md.isBlank()) {
        return;
      }
      parts.add(new Part.Prose(dedent(md, indent), lines.lineOf(from) + 1));
    }
  }

  /**
   * Prose after a cell nested in a list continues the list item: take the item's indentation off
   * its leading lines so it renders as text, not as an indented code block.
   */
  static String dedent(String md, int indent) {
    if (indent == 0) {
      return md;
    }
    StringBuilder sb = new StringBuilder();
    boolean inItem = true;
    for (String l : md.split("(?<=\n)")) {
      if (inItem && !l.isBlank()) {
        int n = 0;
        while (n < l.length() && n < indent && l.charAt(n) == ' ') {
          n++;
        }
        if (n < indent) {
          inItem = false;
        } else {
          l = l.substring(n);
        }
      }
      sb.append(l);
    }
    return sb.toString();
  }

  private static String fence(FencedCodeBlock f) {
    Integer len = f.getOpeningFenceLength();
    return f.getFenceCharacter().repeat(len == null ? 3 : len);
  }

  static String[] splitInfo(String info) {
    String s = info == null ? "" : info.strip();
    int sp = 0;
    while (sp < s.length() && !Character.isWhitespace(s.charAt(sp)) && s.charAt(sp) != '{') {
      sp++;
    }
    return new String[] {s.substring(0, sp).toLowerCase(Locale.ROOT), s.substring(sp).strip()};
  }

  static Cell.Kind kindOf(String language) {
    return switch (language) {
      case "java", "jshell" -> Cell.Kind.JAVA;
      case "console", "bash", "sh", "shell" -> Cell.Kind.CONSOLE;
      default -> null;
    };
  }

  private static int firstLine(Node n) {
    return n.getSourceSpans().get(0).getLineIndex();
  }

  private static int lastLine(Node n) {
    List<SourceSpan> s = n.getSourceSpans();
    return s.get(s.size() - 1).getLineIndex();
  }

  private static String firstHeading(Node doc) {
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h) {
        return PlainText.of(h);
      }
    }
    return "";
  }

  /** The name a notebook's resources are labelled with: the file name without directory and .md. */
  public static String labelName(String file) {
    String base = file.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    return base.endsWith(".md") ? base.substring(0, base.length() - 3) : base;
  }
}
