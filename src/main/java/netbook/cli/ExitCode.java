package netbook.cli;

/** The process's exit codes. */
final class ExitCode {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  /** A run ended by SIGINT, as a shell reports it (128 + 2). */
  static final int INTERRUPTED = 130;

  private ExitCode() {}
}
