package netbook.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.parser.Parser;

/**
 * The runnable cells of a notebook, in order, for {@code :open}: each {@code java} or {@code
 * jshell} fence as one input, and each {@code $ docker …} line of a {@code console}, {@code bash},
 * {@code sh} or {@code shell} fence as one docker line. A stand-in until the notebook runner
 * replays notebooks into a session; prose is not shown.
 */
final class NotebookCells {
  private NotebookCells() {}

  /** One runnable input: Java source, or a docker line. */
  record Cell(boolean docker, String source) {}

  static List<Cell> of(String markdown) {
    List<Cell> cells = new ArrayList<>();
    Parser.builder()
        .build()
        .parse(markdown)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(FencedCodeBlock block) {
                String info = block.getInfo() == null ? "" : block.getInfo().strip();
                String lang = info.split("[\\s{]", 2)[0].toLowerCase(Locale.ROOT);
                switch (lang) {
                  case "java", "jshell" -> cells.add(new Cell(false, block.getLiteral()));
                  case "console", "bash", "sh", "shell" -> {
                    for (String line : block.getLiteral().split("\n")) {
                      if (line.startsWith("$ docker ")) {
                        cells.add(new Cell(true, line.substring(2).strip()));
                      }
                    }
                  }
                  default -> {
                    // output blocks, other languages: not run
                  }
                }
              }
            });
    return cells;
  }
}
