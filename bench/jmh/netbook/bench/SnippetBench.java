package netbook.bench;

import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import netbook.shell.JavaShell;
import netbook.shell.OutputRouter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A trivial snippet in a warm JShell session, as the REPL evaluates it: {@code
 * JavaShell.eval("1 + 1")} (split with analyzeCompletion, compiled by the in-process javac, run
 * on the local engine). Sample time: the median is the figure bench/run reports. The forked JVM
 * gets the launcher's flags, so the figure is the one a user sees.
 *
 * <p>Each one-second iteration gets a fresh session (the JVM and javac stay warm): JShell imports
 * every earlier declaration — each {@code $n} of an expression is one — into the next snippet's
 * compilation, so a session that has evaluated thousands of snippets in a row compiles each new one
 * more slowly than a lesson's session of a few dozen. An iteration evaluates about a hundred.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"})
public class SnippetBench {
  private JavaShell shell;

  @Setup(Level.Iteration)
  public void open() {
    shell = new JavaShell(new OutputRouter(OutputStream.nullOutputStream()));
    shell.warmUp();
  }

  @Benchmark
  public Object onePlusOne() {
    return shell.eval("1 + 1");
  }

  @TearDown(Level.Iteration)
  public void close() {
    shell.close();
  }
}
