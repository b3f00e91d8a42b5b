package netbook.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import netbook.Problems;
import netbook.notebook.AtomicFile;
import netbook.notebook.FileReport;
import netbook.notebook.Notebook;
import netbook.notebook.NotebookException;
import netbook.notebook.NotebookRunner;
import netbook.notebook.ReplHandoff;
import netbook.notebook.RunOptions;
import netbook.present.NotesView;
import netbook.present.Presenter;
import netbook.present.PresenterState;
import netbook.present.Slides;
import netbook.present.SpeakerScript;
import netbook.present.TitleStyle;
import netbook.render.MarkdownRenderer;
import netbook.shell.JavaShell;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code netbook present FILE.md}: presenter mode on a terminal ({@link Presenter}); with {@code
 * --notes}, the speaker notes of the session presenting FILE.md on another terminal ({@link
 * NotesView}); with {@code --notes-file OUT.md}, every slide's notes written to a file. Section
 * titles are DEC double-height lines on TERM=xterm* outside tmux and screen (which do not pass them
 * on), bold elsewhere, plain without colour.
 */
@Command(
    name = "present",
    mixinStandardHelpOptions = true,
    description =
        "Present a notebook to a class: one slide (the prose before a cell and the cell) per"
            + " screen; Right/Space/Enter run the cell, then go on; Left goes back; r opens the"
            + " REPL; q quits. Speaker notes are <!-- notes: ... --> comments.")
final class PresentCommand implements Callable<Integer> {
  private final App app;

  @Parameters(arity = "1", paramLabel = "FILE.md", description = "A Markdown notebook.")
  Path file;

  @Option(
      names = "--notes",
      description =
          "On a second terminal: follow the session presenting FILE.md and show its slide's"
              + " speaker notes, the next slide and the time.")
  boolean notes;

  @Option(
      names = "--notes-file",
      paramLabel = "OUT.md",
      description = "Write every slide's speaker notes to OUT.md (a speaker script) and exit.")
  Path notesFile;

  @Option(names = "--keep", description = "Keep what the notebook created (no cleanup).")
  boolean keep;

  @Option(names = "--no-color", description = "Plain output (also when NO_COLOR is set).")
  boolean noColor;

  PresentCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() {
    Notebook nb = NotebookCommands.read(file);
    if (notesFile != null) {
      return script(nb);
    }
    if (System.console() == null) {
      app.err()
          .println(
              "netbook: present needs a terminal (it draws one slide per screen and reads keys);"
                  + " bin/netbook run "
                  + file
                  + " runs the notebook without pauses");
      return ExitCode.USAGE;
    }
    Map<String, String> env = app.settings().env();
    PresenterState state = PresenterState.of(stateDir(env, app.home()), file);
    try (Terminal terminal = Terminals.system()) {
      if (terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
        app.err()
            .println(
                "netbook: present needs a terminal that can clear its screen (this one is dumb);"
                    + " bin/netbook "
                    + file
                    + " steps through the notebook on any terminal");
        return ExitCode.USAGE;
      }
      boolean color = app.color(noColor, true);
      if (notes) {
        new NotesView(
                terminal,
                Slides.of(nb),
                nb.title(),
                state,
                System::currentTimeMillis,
                w -> new MarkdownRenderer(w, color, null),
                color)
            .follow();
        return ExitCode.OK;
      }
      TitleStyle style =
          TitleStyle.forTerminal(
              env.get("TERM"), env.containsKey("TMUX") || env.containsKey("STY"), color);
      return present(nb, terminal, color, style, state);
    } catch (IOException e) {
      throw new NotebookException("cannot open the terminal: " + e.getMessage());
    }
  }

  private int present(
      Notebook nb, Terminal terminal, boolean color, TitleStyle style, PresenterState state) {
    terminal.writer().println("netbook present: starting JShell and the engine…");
    terminal.flush();
    int width = Math.max(40, terminal.getWidth() > 0 ? terminal.getWidth() : 80);
    try (NotebookSetup setup = new NotebookSetup(app, width, color)) {
      RunOptions options =
          new RunOptions(
              RunOptions.Mode.RUN,
              0,
              0,
              keep,
              app.verbose(),
              RunOptions.DEFAULT_TIMEOUT,
              app.marks());
      NotebookRunner runner = setup.open(options, terminal.writer(), App.pullStatus(terminal));
      try (JavaShell shell = setup.shell()) {
        app.lifecycle().onInterrupt(() -> terminal.raise(Terminal.Signal.INT));
        ReplHandoff handoff = NotebookCommands.replHandoff(app, terminal, shell, runner, color);
        FileReport r =
            new Presenter(
                    terminal,
                    runner,
                    setup::renderer,
                    handoff,
                    style,
                    state,
                    System::currentTimeMillis)
                .present(nb, shell);
        terminal.writer().println(r.summary());
        terminal.flush();
        return r.failed() > 0 ? ExitCode.FAILED : ExitCode.OK;
      }
    }
  }

  private int script(Notebook nb) {
    try {
      AtomicFile.write(notesFile, SpeakerScript.of(nb));
    } catch (IOException e) {
      throw new NotebookException(
          notesFile + ": cannot write the speaker notes (" + Problems.io(e) + "); check the path");
    }
    app.out().println(notesFile + ": the speaker notes of " + Slides.of(nb).size() + " slides");
    return ExitCode.OK;
  }

  /**
   * Where a presenting session says which slide it shows: $XDG_RUNTIME_DIR/netbook/present, else
   * the cache directory's ($XDG_CACHE_HOME or ~/.cache) netbook/present.
   */
  static Path stateDir(Map<String, String> env, Path home) {
    String runtime = env.get("XDG_RUNTIME_DIR");
    if (runtime != null && !runtime.isBlank()) {
      return Path.of(runtime, "netbook", "present");
    }
    String cache = env.get("XDG_CACHE_HOME");
    Path base = cache != null && !cache.isBlank() ? Path.of(cache) : home.resolve(".cache");
    return base.resolve("netbook").resolve("present");
  }
}
