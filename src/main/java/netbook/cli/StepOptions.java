package netbook.cli;

import netbook.notebook.RunOptions;
import picocli.CommandLine.Option;

/**
 * The options of every notebook mode (a picocli mixin of {@code netbook FILE.md}, {@code run},
 * {@code check} and {@code record}); --engine and --verbose are everyone's ({@link CommonOptions}).
 */
class StepOptions {
  @Option(names = "--from", paramLabel = "N", description = "Start at cell N.")
  int from;

  @Option(names = "--to", paramLabel = "N", description = "Stop after cell N.")
  int to;

  @Option(names = "--keep", description = "Keep what the notebook created (no cleanup).")
  boolean keep;

  @Option(names = "--no-color", description = "Plain output (also when NO_COLOR is set).")
  boolean noColor;

  @Option(
      names = "--solutions",
      paramLabel = "DIR",
      description =
          "Put in the solutions of the exercises (DIR/<same file name>) before their verify"
              + " cells: how CI checks an exercise chapter.")
  java.nio.file.Path solutions;

  @Option(names = "--width", paramLabel = "COLUMNS", description = "Wrap prose at this width.")
  int width;

  /** How the notebook runs in {@code mode}, with the app's --verbose and marks. */
  RunOptions runOptions(RunOptions.Mode mode, App app) {
    return new RunOptions(
        mode, from, to, keep, app.verbose(), RunOptions.DEFAULT_TIMEOUT, app.marks());
  }
}
