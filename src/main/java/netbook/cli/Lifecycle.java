package netbook.cli;

import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import netbook.engine.Engine;
import netbook.lab.CleanupReport;
import netbook.lab.Session;
import netbook.shell.JavaShell;
import org.jline.utils.Signals;

/**
 * How the process ends. SIGINT goes to what the mode says (stop the running cell or snippet); a
 * SIGINT while netbook cleans up exits at once (the next start reaps the rest). SIGTERM, SIGHUP and
 * anything else that ends the JVM before {@link #finished()} run a shutdown hook: stop the running
 * cell, then remove the session's containers and networks within {@link #CLEANUP_TIMEOUT}.
 */
final class Lifecycle {
  private static final System.Logger LOG = System.getLogger(Lifecycle.class.getName());

  static final Duration CLEANUP_TIMEOUT = Duration.ofSeconds(8);
  private static final Duration HALT_GRACE = Duration.ofSeconds(2);

  /** How long a termination waits for the snippet it stopped to unwind before cleaning up. */
  static final Duration STOP_GRACE = Duration.ofSeconds(3);

  private final PrintStream err;
  private final Set<JavaShell> shells = Collections.newSetFromMap(new WeakHashMap<>());
  private volatile Session session;
  private volatile Supplier<Engine> reconnect = () -> null;
  private volatile boolean keep;
  private volatile Runnable onInterrupt = Lifecycle::exitInterrupted;
  private volatile Runnable onTerminate = () -> {};
  private volatile boolean cleaning;
  private volatile boolean finished;
  private volatile boolean terminating;
  private volatile boolean hookDone;
  private volatile int exitStatus = ExitCode.FAILED;
  private Object previousInt;
  private boolean installed;

  Lifecycle(PrintStream err) {
    this.err = err;
  }

  /** Installs the shutdown hook and the SIGINT handler (once). */
  synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    Runtime.getRuntime().addShutdownHook(new Thread(this::terminated, "netbook-shutdown"));
    previousInt = Signals.register("INT", this::interrupt);
  }

  /** Gives SIGINT back to whoever had it (JLine's terminal in the REPL). */
  synchronized void releaseInterrupt() {
    if (previousInt != null) {
      Signals.unregister("INT", previousInt);
      previousInt = null;
    }
  }

  /** The session a termination cleans up ({@code keep}: leave its resources). */
  void session(Session s, boolean keep) {
    session(s, keep, () -> null);
  }

  /**
   * As above; {@code reconnect} opens a new connection to the session's engine, for a cleanup whose
   * connection failed (null when there is none to open).
   */
  void session(Session s, boolean keep, Supplier<Engine> reconnect) {
    this.session = s;
    this.keep = keep;
    this.reconnect = reconnect;
  }

  /**
   * After the running snippet was stopped: waits (at most {@link #STOP_GRACE}) until it has
   * unwound. A snippet cut off in the middle of an engine call and a cleanup on the same connection
   * race: the stop's unwinding has been seen to shut docker-java's connection pool under the
   * cleanup ("Connection pool shut down", the container half removed).
   */
  private void awaitStopped() {
    long deadline = System.nanoTime() + STOP_GRACE.toNanos();
    try {
      while (!evaluating().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A termination's cleanup: the session's, the report or the exception. When the session's own
   * connection fails (the process is ending around it: a stopped snippet's calls were cut off
   * mid-way, and docker-java's connection pool has been seen shut down under the hook), the cleanup
   * runs again on a new connection, as a session of the same id: it removes what that id labels.
   */
  Object cleanUp(Session s) {
    try {
      return s.cleanup();
    } catch (RuntimeException first) {
      Engine fresh;
      try {
        fresh = reconnect.get();
      } catch (RuntimeException e) {
        return first;
      }
      if (fresh == null) {
        return first;
      }
      LOG.log(Level.DEBUG, "cleanup failed; again on a new connection", first);
      try {
        return new Session(fresh, s.config()).cleanup();
      } catch (RuntimeException e) {
        return first;
      } finally {
        fresh.close();
      }
    }
  }

  /**
   * What SIGINT does while no cleanup runs (stop the running cell or snippet); {@code null}: exit
   * as the JVM would (130, through the shutdown hook), as {@code serve} and a starting command do.
   */
  void onInterrupt(Runnable r) {
    onInterrupt = r == null ? Lifecycle::exitInterrupted : r;
  }

  /** Exits with 130 through the shutdown hook (which cleans the session up). */
  static void exitInterrupted() {
    Runtime.getRuntime().exit(ExitCode.INTERRUPTED);
  }

  /** What a termination stops before it cleans up (the running cell, the rest of the notebook). */
  void onTerminate(Runnable r) {
    onTerminate = r == null ? () -> {} : r;
  }

  /** Marks a cleanup the mode runs itself: a SIGINT during it exits at once. */
  void cleaning(boolean on) {
    synchronized (this) {
      cleaning = on;
      notifyAll();
    }
  }

  /**
   * The mode's own cleanup begins ({@link #cleaning} on) — unless a termination's shutdown hook
   * cleans up already: then the calling thread touches nothing (not the session, not its engine)
   * and waits for the hook to end the JVM; this does not return (if the JVM is still up a while
   * after the hook, this halts it).
   */
  void beginCleanup() {
    synchronized (this) {
      if (!terminating) {
        cleaning = true;
        return;
      }
    }
    // the JVM ends when the hook returns; should it not (the exit that ran the hook was undone),
    // this thread ends it, with the status the exit asked for
    long deadline = System.nanoTime() + CLEANUP_TIMEOUT.plus(HALT_GRACE).toNanos();
    synchronized (this) {
      try {
        while (!hookDone && System.nanoTime() < deadline) {
          wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        if (hookDone) {
          wait(HALT_GRACE.toMillis());
        }
      } catch (InterruptedException e) {
        // the JVM is ending: halt as below
      }
    }
    err.println("netbook: the exit did not complete: exiting now");
    err.flush();
    Runtime.getRuntime().halt(exitStatus);
  }

  /** The command ended normally: the shutdown hook has nothing to do. */
  void finished() {
    finished = true;
  }

  boolean isCleaning() {
    return cleaning;
  }

  void interrupt() {
    if (cleaning) {
      err.println(
          "netbook: interrupted during cleanup: exiting now; the next start removes the rest");
      err.flush();
      Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
    }
    onInterrupt.run();
  }

  private void terminated() {
    try {
      terminate();
    } finally {
      synchronized (this) {
        hookDone = true;
        notifyAll();
      }
    }
  }

  /** A shell of this process: a snippet of it may be what ends the process (System.exit). */
  void shell(JavaShell shell) {
    synchronized (shells) {
      shells.add(shell);
    }
  }

  /** What the process's shells evaluate now. */
  private Set<String> evaluating() {
    synchronized (shells) {
      Set<String> sources = new HashSet<>();
      for (JavaShell s : shells) {
        s.evaluating().ifPresent(sources::add);
      }
      return sources;
    }
  }

  private void terminate() {
    Session s = session;
    if (finished || s == null) {
      return;
    }
    SnippetExit exit = SnippetExit.now(evaluating());
    synchronized (this) {
      terminating = true;
      if (exit != null) {
        exitStatus = exit.status().orElse(ExitCode.FAILED);
      }
      if (cleaning) {
        // the mode cleans up itself already (its input ended): let it finish, not race it
        awaitModeCleanup();
        return;
      }
      cleaning = true;
    }
    // the terminal (REPL) may have taken SIGINT back: during this cleanup it exits at once
    Signals.register("INT", this::interrupt);
    if (exit == null) {
      try {
        onTerminate.run();
        awaitStopped();
      } catch (RuntimeException e) {
        // stopping the cell is best effort: the cleanup below matters
        LOG.log(Level.DEBUG, "stopping the running cell on termination", e);
      }
    }
    // else: the running snippet is the one exiting, waiting for this hook: stopping it would
    // abort the exit (its ThreadDeath unwinds System.exit) and leave the JVM up with no one to end
    // it
    if (keep) {
      try {
        s.keep();
      } catch (RuntimeException e) {
        err.println("netbook: " + e.getMessage());
      }
      err.println(
          exit == null
              ? "netbook: terminated; kept what the session created (--keep)"
              : "netbook: "
                  + exit.what()
                  + ": kept what the session created (--keep), "
                  + exit.exiting());
      err.flush();
      return;
    }
    AtomicReference<Object> result = new AtomicReference<>();
    Thread t =
        new Thread(
            () -> {
              result.set(cleanUp(s));
            },
            "netbook-cleanup");
    t.setDaemon(true);
    t.start();
    try {
      t.join(CLEANUP_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Object r = result.get();
    if (exit != null) {
      err.println("netbook: " + exit.what() + ": " + cleanedUp(r) + ", " + exit.exiting());
      err.flush();
      return;
    }
    if (r instanceof CleanupReport report) {
      if (!report.nothing()) {
        err.println("netbook: terminated; " + report);
      }
    } else if (r instanceof RuntimeException e) {
      err.println("netbook: terminated; cleanup failed: " + e.getMessage());
    } else {
      err.println(
          "netbook: terminated; cleanup did not finish within "
              + CLEANUP_TIMEOUT.toSeconds()
              + " s: the next start removes the rest");
    }
    err.flush();
  }

  private static String cleanedUp(Object r) {
    if (r instanceof CleanupReport report) {
      return report.nothing() ? "cleaned up" : "cleaned up (" + report + ")";
    }
    if (r instanceof RuntimeException e) {
      return "cleanup failed (" + e.getMessage() + ")";
    }
    return "cleanup did not finish within "
        + CLEANUP_TIMEOUT.toSeconds()
        + " s (the next start removes the rest)";
  }

  /** Waits (holding this lock, released by wait) until the mode's cleanup ends, or the timeout. */
  private void awaitModeCleanup() {
    long deadline = System.nanoTime() + CLEANUP_TIMEOUT.toNanos();
    try {
      while (cleaning) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          err.println("netbook: terminated during cleanup; the next start removes the rest");
          err.flush();
          return;
        }
        wait(Math.max(1, left / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
