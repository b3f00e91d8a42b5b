package netbook.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import netbook.NetbookException;
import netbook.engine.Engine;
import netbook.lab.Session;
import netbook.notebook.ConsoleTranscript;
import netbook.notebook.Notebook;
import netbook.notebook.NotebookParser;
import netbook.notebook.NotebookRunner;
import netbook.notebook.Part;
import netbook.notebook.RunOptions;
import netbook.render.ImageHook;
import netbook.render.MarkdownRenderer;
import netbook.repl.Repl;
import netbook.repl.ReplOptions;
import netbook.repl.ScriptRunner;
import netbook.repl.Workspace;
import netbook.shell.JavaShell;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;

/**
 * {@code netbook train} (hidden): what {@code bin/netbook} runs once per build under {@code
 * -XX:ArchiveClassesAtExit}, so the class-data-sharing archive holds the classes a real session
 * loads — the notebook runner and renderer, JShell and javac, the lab API, the docker console, the
 * REPL's reader — and the user's first start is already a fast one. It works on the embedded
 * engine; when a Docker daemon answers it also lists its networks and containers (read only: it
 * creates nothing there). Its output is not meant to be read.
 */
@Command(
    name = "train",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "Exercise netbook for its CDS archive.")
final class TrainCommand implements Callable<Integer> {
  private static final System.Logger LOG = System.getLogger(TrainCommand.class.getName());

  private static final String NOTEBOOK = "/netbook/train.md";
  private static final String REPL_INPUT =
      "1 + 1\nint x = 20\nx + 22\nvar n = net(\"train\")\nnetworks()\ndocker network ls\n:help\n";

  private final App app;

  TrainCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter sink =
        new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    Notebook nb = NotebookParser.parse("train.md", resource());
    MarkdownRenderer renderer = new MarkdownRenderer(80, true, ImageHook.PLACEHOLDER);
    for (Part p : nb.parts()) {
      if (p instanceof Part.Prose prose) {
        sink.print(renderer.toText(renderer.render(prose.markdown())));
      }
    }
    try (Engine engine = Engines.embedded(app.settings())) {
      Session session = app.openSession(engine, false);
      new NotebookRunner(
              session,
              app::newShell,
              s -> ConsoleTranscript.of(s, RunOptions.Mode.RUN),
              sink,
              renderer,
              RunOptions.of(RunOptions.Mode.RUN))
          .run(nb);
      try (JavaShell shell = app.newShell()) {
        Workspace repl = Workspace.of(shell, session, () -> shell);
        new ScriptRunner(repl, sink, false).run(new BufferedReader(new StringReader(REPL_INPUT)));
        try (Terminal t =
            TerminalBuilder.builder()
                .streams(InputStream.nullInputStream(), OutputStream.nullOutputStream())
                .dumb(true)
                .build()) {
          new Repl(t, repl, new ReplOptions(null, true, false, true)).run(false);
        }
        shell.analysis().completionSuggestions("Math.m", 6, new int[1]);
      }
      session.cleanup();
    }
    try (Terminal t = Terminals.system()) {
      t.getWidth();
    }
    try (Engine docker = Engines.dockerQuietly(app.settings(), Duration.ofSeconds(1))) {
      if (docker != null) {
        docker.networks();
        docker.containers(true);
        docker.info();
      }
    } catch (RuntimeException e) {
      // no daemon, or it said no: the archive simply holds less of docker-java
      LOG.log(Level.DEBUG, "training without a Docker daemon", e);
    }
    return ExitCode.OK;
  }

  private static byte[] resource() throws IOException {
    try (InputStream in = TrainCommand.class.getResourceAsStream(NOTEBOOK)) {
      if (in == null) {
        throw new NetbookException("netbook's jar lacks " + NOTEBOOK + ": rebuild it");
      }
      return in.readAllBytes();
    }
  }
}
