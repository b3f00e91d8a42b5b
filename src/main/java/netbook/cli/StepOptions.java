package netbook.cli;

import picocli.CommandLine.Option;

/**
 * The notebook options of {@code netbook FILE.md} (--engine and --verbose are Main's own); the
 * notebook commands take them as part of {@link NotebookOptions}.
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

  @Option(names = "--width", paramLabel = "COLUMNS", description = "Wrap prose at this width.")
  int width;

  NotebookOptions toNotebookOptions(String engine, boolean verbose) {
    NotebookOptions o = new NotebookOptions();
    o.engine = engine;
    o.verbose = verbose;
    o.from = from;
    o.to = to;
    o.keep = keep;
    o.noColor = noColor;
    o.width = width;
    return o;
  }
}
