package netbook.cli;

import picocli.CommandLine.Option;

/** The options every notebook mode shares (a picocli mixin). */
final class NotebookOptions {
  @Option(
      names = "--engine",
      paramLabel = "docker|embedded|auto",
      description = "Which engine to use (default: NETBOOK_ENGINE, else auto).")
  String engine;

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

  @Option(names = "--verbose", description = "Show stack traces of errors.")
  boolean verbose;
}
