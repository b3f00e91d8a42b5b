package netbook.lab;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Another netbook session, as the labels of a resource it created name it: its pid, the machine it
 * runs on ("" for this one), when it started, and whether it is still running (its pid alive on
 * this machine; one on another machine counts as running, as nothing here can tell). Docker's names
 * are one per daemon: a name another session holds is refused in one line that names that session
 * and the way out, never adopted, addressed or shared.
 */
public record OtherSession(String id, long pid, String host, Instant started, boolean live) {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /**
   * The session that created a resource with these labels, if it is a netbook session other than
   * {@code me}; {@code created} stands in for its start when its labels do not say.
   */
  public static Optional<OtherSession> holding(
      Session me, Map<String, String> labels, Instant created) {
    if (!Session.isNetbooks(labels) || me.owns(labels)) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(labels.getOrDefault(Session.LABEL_PID, ""));
    } catch (NumberFormatException e) {
      pid = -1;
    }
    String host = labels.getOrDefault(Session.LABEL_HOST, "");
    Instant started = created;
    try {
      String s = labels.get(Session.LABEL_STARTED);
      if (s != null) {
        started = Instant.parse(s);
      }
    } catch (DateTimeParseException e) {
      // an older netbook's label, or none: the resource's own creation time stands in
    }
    boolean sameHost = host.isEmpty() || host.equals(me.config().host());
    boolean live = !sameHost || pid < 0 || alive(pid);
    return Optional.of(
        new OtherSession(
            labels.get(Session.LABEL_SESSION), pid, sameHost ? "" : host, started, live));
  }

  /** Whether a process id is running on this machine. */
  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /**
   * Who: {@code another netbook session (pid 4242, started 00:41:07)}, with its host when it runs
   * elsewhere, or {@code a netbook session that has ended (pid 4242, …)}.
   */
  public String who() {
    StringBuilder sb =
        new StringBuilder(live ? "another netbook session" : "a netbook session that has ended");
    sb.append(" (pid ").append(pid < 0 ? "unknown" : String.valueOf(pid));
    if (!host.isEmpty()) {
      sb.append(" on ").append(host);
    }
    if (started != null) {
      sb.append(", started ").append(when(started));
    }
    return sb.append(')').toString();
  }

  /**
   * The one line for a {@code kind} named {@code name} that this session wanted and the other one
   * holds; {@code example} shows another name in the caller's words ({@code name("web_4242")}).
   */
  public String nameTaken(String kind, String name, String example) {
    if (!live) {
      return kind
          + " "
          + name
          + " was left by "
          + who()
          + ": the next start of bin/netbook removes it; until then use another name, e.g. "
          + example;
    }
    return kind
        + " "
        + name
        + " belongs to "
        + who()
        + ": netbook never uses another session's "
        + kind
        + "s; use another name, e.g. "
        + example
        + ", or run one session at a time (wait for pid "
        + pid
        + " to end)";
  }

  /** The one line for a change ({@code action}: "stop", "adopt") to what the other one holds. */
  public String refuse(String kind, String name, String action) {
    return "refusing to "
        + action
        + " "
        + kind
        + " "
        + name
        + ": it belongs to "
        + who()
        + (live
            ? ", and netbook never changes another running session's resources; wait for pid "
                + pid
                + " to end"
            : "; the next start of bin/netbook removes it");
  }

  private static String when(Instant t) {
    ZoneId zone = ZoneId.systemDefault();
    LocalDate day = t.atZone(zone).toLocalDate();
    return (day.equals(LocalDate.now(zone)) ? TIME : DAY).format(t.atZone(zone));
  }

  @Override
  public String toString() {
    return who();
  }
}
