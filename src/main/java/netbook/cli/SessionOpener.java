package netbook.cli;

import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.PullProgress;
import netbook.lab.CleanupReport;
import netbook.lab.KeptSessions;
import netbook.lab.Reaper;
import netbook.lab.Session;
import netbook.lab.SessionConfig;

/**
 * Starts a session: a fresh id, this process's pid and this machine's name on everything it
 * creates; first the crash reaper removes what dead sessions of this host left (one line says
 * what), then the session becomes the API's.
 */
final class SessionOpener {
  private SessionOpener() {}

  /** Whether a process id is running on this machine. */
  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  static Session open(
      Engine engine,
      Settings settings,
      String host,
      KeptSessions kept,
      Consumer<String> notices,
      Consumer<PullProgress> progress) {
    reap(engine, host, pid -> pid == ProcessHandle.current().pid() || alive(pid), kept, notices);
    Session s =
        new Session(
            engine,
            new SessionConfig(
                Main.newSessionId(),
                settings.offline(),
                ProcessHandle.current().pid(),
                "",
                notices,
                null,
                host,
                progress));
    s.kept(kept);
    return s;
  }

  /** The start's line about what earlier sessions kept on purpose ("" when nothing). */
  static String keptLine(List<String> names) {
    if (names.isEmpty()) {
      return "";
    }
    return "netbook: kept from an earlier session: "
        + String.join(", ", names)
        + " — cleanup() or bin/netbook cleanup removes them";
  }

  /**
   * Runs the reaper (sparing what was kept on purpose, which it lists); one line when it removed
   * something, nothing otherwise.
   */
  static void reap(
      Engine engine,
      String host,
      LongPredicate alive,
      KeptSessions kept,
      Consumer<String> notices) {
    TreeSet<Long> dead = new TreeSet<>();
    LongPredicate recording =
        pid -> {
          boolean a = alive.test(pid);
          if (!a) {
            dead.add(pid);
          }
          return a;
        };
    try {
      CleanupReport r = new Reaper(engine, host, recording, kept.ids()).reap();
      if (!r.nothing()) {
        notices.accept(
            "netbook: "
                + r.toString().replace("\n", "; ")
                + " left by crashed sessions (pid "
                + String.join(", ", dead.stream().map(String::valueOf).toList())
                + ")");
      }
      String keptLine = keptLine(kept.resources(engine, host));
      if (!keptLine.isEmpty()) {
        notices.accept(keptLine);
      }
    } catch (EngineException e) {
      notices.accept("netbook: could not look for crashed sessions' leftovers: " + e.getMessage());
    }
  }
}
