package netbook.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import netbook.NetbookException;

/**
 * The REPL without a terminal: reads inputs from a stream (a pipe, a script), runs each as soon as
 * it is complete — Java snippets, {@code docker …} lines and {@code :commands} alike — and prints
 * what the REPL would print, without colour and without prompts.
 */
public final class ScriptRunner {
  private final Workspace session;
  private final Evaluator evaluator;

  public ScriptRunner(Workspace session, PrintWriter out, boolean verbose) {
    this.session = session;
    this.evaluator = new Evaluator(session, new ResultPrinter(out, false), verbose);
  }

  public Evaluator evaluator() {
    return evaluator;
  }

  /** Runs every input; returns how many failed. Stops early at {@code :quit}. */
  public int run(BufferedReader in) throws IOException {
    int failed = 0;
    StringBuilder pending = new StringBuilder();
    String line;
    while ((line = in.readLine()) != null) {
      if (pending.length() == 0
          && (Evaluator.isCommand(line) || Evaluator.isDockerLine(line) || line.isBlank())) {
        Evaluator.Result r = evaluator.run(line);
        failed += r.ok() ? 0 : 1;
        if (r.action() == Evaluator.Action.QUIT) {
          return failed;
        }
        continue;
      }
      pending.append(line).append('\n');
      if (incomplete(pending.toString())) {
        continue;
      }
      failed += evaluator.run(pending.toString()).ok() ? 0 : 1;
      pending.setLength(0);
    }
    if (!pending.toString().isBlank()) {
      failed += evaluator.run(pending.toString()).ok() ? 0 : 1;
    }
    return failed;
  }

  private boolean incomplete(String input) {
    try {
      return JavaParser.incomplete(session.shell().analysis(), input);
    } catch (InterruptedException | NetbookException e) {
      return false;
    }
  }

  /** Ctrl-C (SIGINT in a pipe): stops the running snippet; the script goes on with the next. */
  public void interrupt() {
    evaluator.interrupt();
  }
}
