package netbook.notebook;

import java.time.Duration;
import netbook.Marks;

/**
 * How a notebook runs: the mode, the cells to run ({@code from}..{@code to}, from 1, inclusive; 0
 * for no bound), whether to keep what it creates, whether to show stack traces, and the timeout of
 * a cell that sets none, and where the benchmark's marks go.
 */
public record RunOptions(
    Mode mode, int from, int to, boolean keep, boolean verbose, Duration cellTimeout, Marks marks) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /** What a run does besides running the cells. */
  public enum Mode {
    /** Run, and say how each cell went. */
    RUN,
    /** Run, and compare each output with the recorded one. */
    CHECK,
    /** Run, and collect outputs to write into the file. */
    RECORD
  }

  public RunOptions {
    cellTimeout = cellTimeout == null ? DEFAULT_TIMEOUT : cellTimeout;
    marks = marks == null ? Marks.NONE : marks;
  }

  /** Options that mark nothing for the benchmark. */
  public RunOptions(
      Mode mode, int from, int to, boolean keep, boolean verbose, Duration cellTimeout) {
    this(mode, from, to, keep, verbose, cellTimeout, Marks.NONE);
  }

  public static RunOptions of(Mode mode) {
    return new RunOptions(mode, 0, 0, false, false, DEFAULT_TIMEOUT);
  }

  public boolean inRange(int index) {
    return (from <= 0 || index >= from) && (to <= 0 || index <= to);
  }
}
