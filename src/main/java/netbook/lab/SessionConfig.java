package netbook.lab;

import java.time.Duration;
import java.util.function.Consumer;
import netbook.engine.PullProgress;

/**
 * How a session behaves: its id (the value of the {@code netbook.session} label), whether it may
 * pull images, the process id recorded for the crash reaper, the notebook that owns what it creates
 * (or ""), where one-line notices go, the default timeout of commands run in containers, and where
 * the progress of pulls goes (beside the notices: never part of a cell's output).
 */
public record SessionConfig(
    String id,
    boolean offline,
    long pid,
    String notebook,
    Consumer<String> notices,
    Duration execTimeout,
    String host,
    Consumer<PullProgress> progress) {

  public SessionConfig {
    progress = progress == null ? p -> {} : progress;
    host = host == null || host.isEmpty() ? "localhost" : host;
    notebook = notebook == null ? "" : notebook;
    notices = notices == null ? line -> {} : notices;
    execTimeout = execTimeout == null ? Duration.ofSeconds(30) : execTimeout;
  }

  /** A session config whose pulls show no progress. */
  public SessionConfig(
      String id,
      boolean offline,
      long pid,
      String notebook,
      Consumer<String> notices,
      Duration execTimeout,
      String host) {
    this(id, offline, pid, notebook, notices, execTimeout, host, null);
  }

  /** A session config without a host name ("localhost" is recorded). */
  public SessionConfig(
      String id,
      boolean offline,
      long pid,
      String notebook,
      Consumer<String> notices,
      Duration execTimeout) {
    this(id, offline, pid, notebook, notices, execTimeout, "", null);
  }

  public SessionConfig withNotebook(String name) {
    return new SessionConfig(id, offline, pid, name, notices, execTimeout, host, progress);
  }

  public SessionConfig withNotices(Consumer<String> sink) {
    return new SessionConfig(id, offline, pid, notebook, sink, execTimeout, host, progress);
  }

  public SessionConfig withProgress(Consumer<PullProgress> sink) {
    return new SessionConfig(id, offline, pid, notebook, notices, execTimeout, host, sink);
  }
}
