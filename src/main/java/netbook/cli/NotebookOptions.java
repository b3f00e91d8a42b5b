package netbook.cli;

import picocli.CommandLine.Option;

/**
 * The options every notebook mode shares (a picocli mixin): the step options, which {@code netbook
 * FILE.md} takes too, and --engine and --verbose, which there are Main's own.
 */
final class NotebookOptions extends StepOptions {
  @Option(
      names = "--engine",
      paramLabel = "docker|embedded|auto",
      description = "Which engine to use (default: NETBOOK_ENGINE, else auto).")
  String engine;

  @Option(names = "--verbose", description = "Show stack traces of errors.")
  boolean verbose;
}
