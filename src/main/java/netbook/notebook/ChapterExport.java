package netbook.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import netbook.render.HtmlExport;
import netbook.render.HtmlExport.Block;
import netbook.render.HtmlExport.Code;
import netbook.render.HtmlExport.Figure;
import netbook.render.HtmlExport.Prose;
import netbook.render.HtmlExport.Status;

/**
 * A notebook and how its run went, as the blocks of an exported page ({@link HtmlExport}): its
 * prose, each cell shown (hidden ones are setup and stay out) with its live output, or with the
 * output recorded in the file when it was not run; a console cell as its transcript (live, or as
 * written). A live run's drawings of the network come after each cell that changed it, and stand
 * for the prose's {@code ![topology](live)} pictures at that point.
 */
public final class ChapterExport {
  private static final Pattern LIVE_PICTURE =
      Pattern.compile("!\\[[^\\]]*]\\(\\s*(?:live|netbook:topology|[^)]*\"live\")\\s*\\)");

  private ChapterExport() {}

  /**
   * What a live run saw: each cell's result and the network's drawing (SVG) after it by cell
   * number, and the drawing before the first cell.
   */
  public record LiveRun(
      Map<Integer, CellResult> results, Map<Integer, String> drawings, String before) {
    public LiveRun {
      results = Map.copyOf(results);
      drawings = Map.copyOf(drawings);
      before = before == null ? "" : before;
    }

    @Override
    public String toString() {
      return "live run: " + results.size() + " results, " + drawings.size() + " drawings";
    }
  }

  /** The page of a chapter that was not run: the outputs recorded in the file. */
  public static HtmlExport.Page recorded(Notebook nb, String date) {
    List<Block> blocks = new ArrayList<>();
    for (Part part : nb.parts()) {
      if (part instanceof Part.Prose p) {
        blocks.add(new Prose(p.markdown(), ""));
      } else if (part instanceof Part.Code c && !c.cell().attributes().hidden()) {
        Cell cell = c.cell();
        boolean console = cell.kind() == Cell.Kind.CONSOLE;
        String output = console || cell.recorded() == null ? "" : cell.recorded().text();
        blocks.add(code(cell, cell.source(), output, Status.RECORDED, "", console));
      }
    }
    return new HtmlExport.Page(nb.title(), nb.file(), "", date, false, blocks);
  }

  /** The page of a chapter run live on {@code engine} (a description of it). */
  public static HtmlExport.Page live(Notebook nb, LiveRun run, String engine, String date) {
    List<Block> blocks = new ArrayList<>();
    String drawing = run.before();
    List<Part> parts = nb.parts();
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      if (part instanceof Part.Prose p) {
        blocks.add(new Prose(p.markdown(), drawing));
        continue;
      }
      Cell cell = ((Part.Code) part).cell();
      CellResult r = run.results().get(cell.index());
      if (!cell.attributes().hidden()) {
        blocks.add(shown(cell, r));
      }
      String after = run.drawings().getOrDefault(cell.index(), drawing);
      boolean pictured =
          i + 1 < parts.size()
              && parts.get(i + 1) instanceof Part.Prose next
              && LIVE_PICTURE.matcher(next.markdown()).find();
      if (!after.isEmpty() && !after.equals(drawing) && !pictured) {
        blocks.add(new Figure("The network after cell " + cell.index(), after));
      }
      drawing = after;
    }
    return new HtmlExport.Page(nb.title(), nb.file(), engine, date, true, blocks);
  }

  private static Code shown(Cell cell, CellResult r) {
    boolean console = cell.kind() == Cell.Kind.CONSOLE;
    if (r == null) {
      return code(cell, cell.source(), "", Status.SKIPPED, "not run", console);
    }
    Status status =
        switch (r.verdict()) {
          case PASSED -> Status.PASSED;
          case FAILED -> Status.FAILED;
          case SKIPPED -> Status.SKIPPED;
        };
    String why = r.passed() ? "" : r.message();
    if (console) {
      // the live transcript holds the commands and what they printed
      boolean ran = !r.output().isBlank();
      return code(cell, ran ? r.output() : cell.source(), "", status, why, true);
    }
    return code(cell, cell.source(), r.output(), status, why, false);
  }

  private static Code code(
      Cell cell, String source, String output, Status status, String why, boolean transcript) {
    return new Code(
        cell.index(), cell.line(), cell.language(), source, output, status, why, transcript);
  }
}
