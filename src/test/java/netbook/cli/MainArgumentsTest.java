package netbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import netbook.Marks;
import netbook.notebook.RunOptions;
import netbook.shell.OutputRouter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The fast argument path ({@link Main#plain}) and picocli's, which must agree on what they share.
 */
class MainArgumentsTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final App app =
      new App(
          Settings.from(Map.of()),
          Path.of("/home/learner"),
          out,
          out,
          new OutputRouter(out),
          new Lifecycle(out),
          "testhost",
          Marks.NONE,
          new CommonOptions());

  @Test
  void theReplAndAFileWithTheCommonOptionsTakeTheFastPath() {
    Main.Plain repl = Main.plain(new String[0]);
    assertThat(repl).isNotNull();
    assertThat(repl.file).isNull();

    Main.Plain p =
        Main.plain(
            new String[] {"--engine", "embedded", "notebooks/05.md", "--verbose", "--cleanup"});
    assertThat(p.file).isEqualTo("notebooks/05.md");
    assertThat(p.engine).isEqualTo("embedded");
    assertThat(p.verbose).isTrue();
    assertThat(p.cleanup).isTrue();

    assertThat(Main.plain(new String[] {"--engine=docker"}).engine).isEqualTo("docker");
  }

  @Test
  void everythingElseIsLeftToPicocli() {
    for (List<String> args :
        List.of(
            List.of("run", "x.md"),
            List.of("check", "x.md"),
            List.of("help"),
            List.of("--from", "3", "x.md"),
            List.of("x.md", "y.md"),
            List.of("--engine"),
            List.of("--engine", "--verbose"),
            List.of("--engine="),
            List.of("--help"),
            List.of("--no-color", "x.md"))) {
      assertThat(Main.plain(args.toArray(String[]::new))).as(String.join(" ", args)).isNull();
    }
  }

  @Test
  void engineAndVerboseAreInheritedWhereverTheyStand() {
    CommandLine before = new Main(app).commandLine();
    ParseResult r = before.parseArgs("--engine", "embedded", "--verbose", "run", "x.md");
    assertThat(r.subcommand().commandSpec().name()).isEqualTo("run");
    assertThat(app.options().engine).isEqualTo("embedded");
    assertThat(app.options().verbose).isTrue();

    app.options().engine = null;
    app.options().verbose = false;
    new Main(app).commandLine().parseArgs("check", "--engine", "docker", "--verbose", "x.md");
    assertThat(app.options().engine).isEqualTo("docker");
    assertThat(app.options().verbose).isTrue();
    assertThat(app.engineChoice()).isEqualTo(EngineChoice.DOCKER);
  }

  @Test
  void subcommandsAreMadeWithTheApp() {
    CommandLine cl = new Main(app).commandLine();
    for (String name : List.of("run", "check", "record", "serve", "train")) {
      Object command = cl.getSubcommands().get(name).getCommand();
      assertThat(command).as(name).isNotNull();
    }
    NotebookCommands.Run run = cl.getSubcommands().get("run").getCommand();
    cl.parseArgs("run", "--from", "2", "--to", "4", "--keep", "a.md", "b.md");
    assertThat(run.files).hasSize(2);
    assertThat(run.options.runOptions(RunOptions.Mode.RUN, app).keep()).isTrue();
  }

  @Test
  void aServePortOutOfRangeIsOneLineAndExitCodeOne() {
    int code = new Main(app).commandLine().execute("serve", "--port", "99999");
    assertThat(code).isEqualTo(ExitCode.FAILED);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "netbook: --port 99999 is not a TCP port: use one from 1 to 65535 (or 0 to pick a free"
                + " one)\n");
  }

  @Test
  void aBadEngineIsOneLineAndExitCodeOne() {
    int code = new Main(app).commandLine().execute("run", "--engine", "bogus", "x.md");
    assertThat(code).isEqualTo(ExitCode.FAILED);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("netbook: unknown engine 'bogus': use docker, embedded or auto\n");
  }

  @Test
  void everySubcommandShowsItsUsageOnHelpWithoutRunning() {
    CommandLine root = new Main(app).commandLine();
    StringBuilder seen = new StringBuilder();
    for (String name : root.getSubcommands().keySet()) {
      if (name.equals("help")) {
        continue;
      }
      java.io.StringWriter usage = new java.io.StringWriter();
      CommandLine cl = new Main(app).commandLine();
      cl.setOut(new java.io.PrintWriter(usage));
      int code = cl.execute(name, "--help");
      assertThat(code).as(name + " --help").isEqualTo(0);
      assertThat(usage.toString()).as(name).startsWith("Usage: netbook " + name);
      seen.append(name).append(' ');
    }
    assertThat(seen.toString()).contains("run ", "check ", "export ", "present ", "learn ");
    assertThat(bytes.toString(StandardCharsets.UTF_8)).as("no error line").isEmpty();
  }
}
