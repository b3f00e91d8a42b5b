package netbook.notebook;

/**
 * The REPL, as step mode sees it: {@code r} at a cell's prompt calls {@link #enter()}, which runs
 * the REPL on the same JShell session (all state of the cells so far) and returns when the user
 * types {@code :continue}. The command-line layer wires the REPL in.
 */
@FunctionalInterface
public interface ReplHandoff {
  void enter();
}
