package netbook.lab;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import netbook.NetbookException;
import netbook.engine.EngineException;
import netbook.engine.PullProgress;

/**
 * The session's pulls: each reports its progress to the session's progress channel (ended exactly
 * once: done, failed or cancelled), and {@link #cancel()} (Ctrl-C) ends the pulls running now. The
 * embedded engine downloads nothing, so its "pulls" report nothing.
 */
final class Pulls {
  private static final Duration CANCEL_WAIT = Duration.ofSeconds(3);

  private final Session session;
  private final Set<Running> running = ConcurrentHashMap.newKeySet();

  Pulls(Session session) {
    this.session = session;
  }

  /** A pull in progress, on the thread that waits for it. */
  private static final class Running {
    final Thread thread = Thread.currentThread();
    boolean cancelled;
    boolean over;
  }

  /** Forwards a pull's progress until it has ended; the last one reported is kept. */
  private static final class Relay implements Consumer<PullProgress> {
    private final Consumer<PullProgress> out;
    private PullProgress last;

    Relay(String ref, Consumer<PullProgress> out) {
      this.out = out;
      this.last = PullProgress.starting(ref);
    }

    @Override
    public synchronized void accept(PullProgress p) {
      if (last.ended()) {
        return;
      }
      last = p;
      out.accept(p);
    }

    synchronized void end(PullProgress.Phase phase) {
      accept(last.withPhase(phase));
    }

    synchronized PullProgress last() {
      return last;
    }
  }

  PullProgress pull(String ref, Duration timeout) {
    if (session.engine().info().embedded()) {
      // its catalogue's images are there at once: nothing is downloaded, so nothing is shown
      Relay quiet = new Relay(ref, p -> {});
      session.engine().pull(ref, quiet, timeout);
      return quiet.last();
    }
    Relay relay = new Relay(ref, session.config().progress());
    Running r = new Running();
    running.add(r);
    boolean ended = false;
    try {
      session.engine().pull(ref, relay, timeout);
      ended = true;
      relay.end(PullProgress.Phase.DONE); // (an engine that reported no end)
      return relay.last();
    } catch (EngineException e) {
      ended = true;
      if (e.cancelled() || cancelled(r)) {
        relay.end(PullProgress.Phase.CANCELLED);
        throw new NetbookException("pull of " + ref + " cancelled", e);
      }
      relay.end(PullProgress.Phase.FAILED);
      throw e;
    } finally {
      synchronized (r) {
        r.over = true;
        running.remove(r);
        r.notifyAll();
        if (r.cancelled) {
          Thread.interrupted(); // the cancel is handled here: it must not hit what comes next
        }
      }
      if (!ended) {
        relay.end(PullProgress.Phase.CANCELLED); // a JShell stop on its way through
      }
    }
  }

  private static boolean cancelled(Running r) {
    synchronized (r) {
      return r.cancelled;
    }
  }

  /**
   * Cancels the pulls running now (their streams are closed) and waits a moment for them to say so,
   * so that "pull of … cancelled" comes before whatever the caller prints next.
   */
  void cancel() {
    List<Running> now = List.copyOf(running);
    for (Running r : now) {
      synchronized (r) {
        if (!r.over) {
          r.cancelled = true;
          r.thread.interrupt();
        }
      }
    }
    long deadline = System.nanoTime() + CANCEL_WAIT.toNanos();
    try {
      for (Running r : now) {
        synchronized (r) {
          long left;
          while (!r.over && (left = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(r, left);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
