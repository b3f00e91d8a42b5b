package netbook.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import netbook.NetbookException;
import netbook.engine.EngineInfo;
import netbook.lab.Session;
import netbook.lab.Swarm;
import netbook.notebook.CellResult;
import netbook.notebook.ChapterExport;
import netbook.notebook.FileReport;
import netbook.notebook.Notebook;
import netbook.notebook.NotebookRunner;
import netbook.notebook.RunOptions;
import netbook.render.HtmlExport;
import netbook.render.topology.Diagram;
import netbook.render.topology.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code netbook export FILE.md --html OUT.html}: the chapter as one self-contained HTML page. By
 * default it runs the chapter (as {@code run} does, on the chosen engine) and shows the live
 * outputs and the network drawn after each cell that changed it; {@code --recorded} shows the
 * outputs recorded in the file without running anything.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Write a chapter as one self-contained HTML page: prose, cells, outputs and the network"
            + " diagrams (run live, or --recorded).")
final class ExportCommand implements Callable<Integer> {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final App app;
  @Mixin StepOptions options;

  @Parameters(arity = "1", paramLabel = "FILE.md", description = "A Markdown notebook.")
  Path file;

  @Option(
      names = "--html",
      required = true,
      paramLabel = "OUT.html",
      description = "Where the page goes (one file: styles and diagrams inline).")
  Path html;

  @Option(
      names = "--recorded",
      description = "Show the outputs recorded in the file; do not run the chapter.")
  boolean recorded;

  ExportCommand(App app) {
    this.app = app;
  }

  /** What the live run gave the page: the run, the engine's description, how it went. */
  record LiveExport(ChapterExport.LiveRun run, String engine, FileReport report) {}

  @Override
  public Integer call() {
    OutputFile out = OutputFile.checked("--html", html);
    Notebook nb = NotebookCommands.read(file);
    String date = DATE.format(Instant.now());
    HtmlExport.Page page;
    int code = ExitCode.OK;
    if (recorded) {
      page = ChapterExport.recorded(nb, date);
    } else {
      LiveExport live = live(nb);
      page = ChapterExport.live(nb, live.run(), live.engine(), date);
      code = live.report().failed() > 0 ? ExitCode.FAILED : ExitCode.OK;
    }
    String text = HtmlExport.render(page);
    out.write(text);
    long figures = page.blocks().stream().filter(b -> b instanceof HtmlExport.Figure).count();
    app.out()
        .println(
            "wrote "
                + html
                + " ("
                + (text.getBytes(StandardCharsets.UTF_8).length + 1023) / 1024
                + " KB, "
                + (recorded ? "recorded outputs" : "live outputs")
                + (figures == 0 ? "" : ", " + figures + (figures == 1 ? " diagram" : " diagrams"))
                + ")");
    return code;
  }

  private LiveExport live(Notebook nb) {
    PrintWriter pw = new PrintWriter(app.out(), true, StandardCharsets.UTF_8);
    boolean color = app.color(options.noColor, System.console() != null);
    int width = options.width > 0 ? options.width : NotebookCommands.columns();
    try (NotebookSetup setup = new NotebookSetup(app, width, color)) {
      NotebookRunner runner = setup.open(options.runOptions(RunOptions.Mode.RUN, app), pw);
      NotebookCommands.onInterrupt(app, runner);
      Session session = runner.session();
      Map<Integer, CellResult> results = new HashMap<>();
      Map<Integer, String> drawings = new HashMap<>();
      Drawings network = new Drawings(session);
      String before = network.now();
      runner.afterEachCell(
          r -> {
            results.put(r.cell().index(), r);
            drawings.put(r.cell().index(), network.now());
          });
      FileReport report = runner.run(nb);
      pw.println(NotebookRunner.total(List.of(report)));
      pw.flush();
      EngineInfo info = session.engine().info();
      String engine =
          info.embedded()
              ? "embedded engine (in-process, modelling Docker " + info.serverVersion() + ")"
              : info.kind()
                  + " engine at "
                  + info.endpoint()
                  + " (Docker "
                  + info.serverVersion()
                  + ")";
      return new LiveExport(new ChapterExport.LiveRun(results, drawings, before), engine, report);
    }
  }

  /**
   * The network as the session sees it, as SVG ("" when the engine does not answer). A full
   * snapshot reads the veth names by exec'ing into every running container: it is taken only when
   * the quick one (networks and containers) differs from the last.
   */
  private static final class Drawings {
    private final Session session;
    private Topology quick;
    private String svg = "";

    Drawings(Session session) {
      this.session = session;
    }

    String now() {
      try {
        var swarm = Swarm.in(session);
        if (swarm.isPresent()) {
          return swarm.get().diagram().svgText();
        }
        Topology t = Topology.snapshot(session.engine(), false);
        if (!t.equals(quick) || svg.isEmpty()) {
          svg = Diagram.of(Topology.snapshot(session.engine())).svgText();
          quick = t;
        }
        return svg;
      } catch (NetbookException e) {
        return "";
      }
    }
  }
}
