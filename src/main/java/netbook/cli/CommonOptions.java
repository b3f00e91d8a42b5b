package netbook.cli;

/**
 * The options every command takes, wherever on the command line they stand ({@code netbook --engine
 * embedded run x.md} or {@code netbook run --engine embedded x.md}): picocli's inherited options
 * and the fast path of {@link Main#plain} both write them here.
 */
final class CommonOptions {
  /** --engine, or null: NETBOOK_ENGINE, else auto. */
  String engine;

  /** --verbose: stack traces of errors. */
  boolean verbose;
}
