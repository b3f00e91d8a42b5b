package netbook.shell;

import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of an abandoned JShell, made as harmless as JDK 17 allows. They are daemons (the
 * evaluating thread is one, and threads inherit it), so they never keep the JVM alive. Each is
 * suspended once it is seen holding no monitor and no lock, so that it burns no CPU and prints
 * nothing into later cells; one caught holding a lock (System.out's, say) is resumed at once and
 * tried again a little later, for {@link #ATTEMPTS} tries.
 */
final class Runaways {
  private static final System.Logger LOG = System.getLogger(Runaways.class.getName());
  static final int ATTEMPTS = 50;

  private Runaways() {}

  /** Starts quieting the threads of {@code group} but {@code keep} (it only waits). */
  static void quiet(ThreadGroup group, Thread keep, ScheduledExecutorService timer) {
    AtomicInteger tries = new AtomicInteger();
    Runnable[] attempt = new Runnable[1];
    attempt[0] =
        () -> {
          boolean left = false;
          for (Thread t : threadsOf(group)) {
            if (t != keep && t.isAlive() && t.getState() != Thread.State.TERMINATED) {
              left |= !suspendIfLockFree(t);
            }
          }
          if (left && tries.incrementAndGet() < ATTEMPTS) {
            timer.schedule(attempt[0], 100, TimeUnit.MILLISECONDS);
          } else if (left) {
            LOG.log(Level.DEBUG, "a runaway snippet thread of " + group.getName() + " runs on");
          }
        };
    Thread t = new Thread(attempt[0], "netbook-runaways");
    t.setDaemon(true);
    t.start();
  }

  private static Thread[] threadsOf(ThreadGroup group) {
    Thread[] all = new Thread[group.activeCount() + 8];
    int n = group.enumerate(all, true);
    Thread[] found = new Thread[n];
    System.arraycopy(all, 0, found, 0, n);
    return found;
  }

  /** Whether {@code t} is now suspended (or gone); false: it held a lock, try again. */
  @SuppressWarnings("removal") // Thread.suspend/resume: still working on JDK 17, the only option
  private static boolean suspendIfLockFree(Thread t) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    try {
      t.suspend();
      ThreadInfo[] info = mx.getThreadInfo(new long[] {t.getId()}, true, true);
      if (info.length == 0 || info[0] == null) {
        return true; // it ended
      }
      if (info[0].getLockedMonitors().length == 0 && info[0].getLockedSynchronizers().length == 0) {
        return true;
      }
      t.resume();
      return false;
    } catch (UnsupportedOperationException | SecurityException e) {
      // a JDK without Thread.suspend: the thread stays a spinning daemon
      return true;
    }
  }
}
