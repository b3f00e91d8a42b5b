package netbook.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import netbook.shell.EvalResult;
import netbook.shell.JShellSession;

/**
 * The REPL without a terminal: reads snippets from a stream (a pipe, a script), evaluates each as
 * soon as it is complete, and prints what the REPL would print, without colour.
 */
public final class ScriptRunner {
  private final JShellSession shell;
  private final PrintStream out;
  private final boolean verbose;

  public ScriptRunner(JShellSession shell, PrintStream out, boolean verbose) {
    this.shell = shell;
    this.out = out;
    this.verbose = verbose;
  }

  /** Runs every snippet of the input; returns how many failed. */
  public int run(BufferedReader in) throws IOException {
    int failed = 0;
    StringBuilder pending = new StringBuilder();
    String line;
    while ((line = in.readLine()) != null) {
      pending.append(line).append('\n');
      if (!shell.isComplete(pending.toString())) {
        continue;
      }
      failed += evalAndPrint(pending.toString());
      pending.setLength(0);
    }
    if (!pending.toString().isBlank()) {
      failed += evalAndPrint(pending.toString());
    }
    return failed;
  }

  private int evalAndPrint(String input) {
    EvalResult r = shell.eval(input, null, false);
    out.print(r.text(verbose));
    out.flush();
    return r.failed() ? 1 : 0;
  }
}
