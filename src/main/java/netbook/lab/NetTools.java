package netbook.lab;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import netbook.NetbookException;
import netbook.engine.ContainerInfo;
import netbook.engine.ContainerSpec;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.ExecResult;

/**
 * Runs network commands "in" a container even when its image lacks them (the real ubuntu has no
 * ping, ip or nslookup): the command first runs in the container itself; if the shell answers "not
 * found", it runs in a helper container that shares the container's network namespace ({@code
 * --network container:<id>}), so it sees the same interfaces, routes and resolver: the official
 * busybox online, the lab toolbox offline ({@link ImageResolver#helper()}). The helper carries the
 * session's labels and is removed with the rest.
 */
final class NetTools {
  private static final System.Logger LOG = System.getLogger(NetTools.class.getName());

  static final Set<String> TOOLS =
      Set.of("ping", "ip", "ifconfig", "nslookup", "wget", "route", "netstat", "arp", "traceroute");

  private final Session session;
  private final Map<String, String> helpers = new ConcurrentHashMap<>();

  /** Whether a container has a tool ("id tool"), as its shell answered once. */
  private final Map<String, Boolean> present = new ConcurrentHashMap<>();

  NetTools(Session session) {
    this.session = session;
  }

  /** Runs {@code sh -c line} in the container, falling back to the helper for network tools. */
  ExecResult sh(ContainerInfo c, String line, Duration timeout) {
    Consumer<String> live = session.liveOutput();
    if (live != null) {
      return live(c, List.of("sh", "-c", line), firstWord(line), timeout, live);
    }
    Engine engine = session.engine();
    ExecResult r = engine.exec(c.id(), List.of("sh", "-c", line), timeout);
    if (missingTool(r) && TOOLS.contains(firstWord(line))) {
      return engine.exec(helper(c), List.of("sh", "-c", line), timeout);
    }
    return r;
  }

  /** Runs a command (no shell) in the container, falling back to the helper for network tools. */
  ExecResult exec(ContainerInfo c, List<String> cmd, Duration timeout) {
    Consumer<String> live = session.liveOutput();
    if (live != null) {
      return live(c, cmd, cmd.get(0), timeout, live);
    }
    return quiet(c, cmd, timeout);
  }

  /**
   * Runs a command like {@link #exec} but never live: its output is only returned (the checks of an
   * exercise look at it; the learner reads their verdict).
   */
  ExecResult quiet(ContainerInfo c, List<String> cmd, Duration timeout) {
    Engine engine = session.engine();
    ExecResult r = engine.exec(c.id(), cmd, timeout);
    if (missingTool(r) && TOOLS.contains(cmd.get(0))) {
      return engine.exec(helper(c), cmd, timeout);
    }
    return r;
  }

  /**
   * Runs a command with its output shown as it comes: where it runs is decided first (a streamed
   * "not found" cannot be taken back), by asking the container's shell once whether it has the
   * tool.
   */
  private ExecResult live(
      ContainerInfo c, List<String> cmd, String tool, Duration timeout, Consumer<String> live) {
    String where = TOOLS.contains(tool) && lacks(c, tool) ? helper(c) : c.id();
    try {
      return session.engine().exec(where, cmd, timeout, live);
    } catch (EngineException e) {
      String what = String.join(" ", cmd.subList(cmd.get(0).equals("sh") ? 2 : 0, cmd.size()));
      if (e.cancelled()) {
        throw new NetbookException("stopped (Ctrl-C): '" + what + "' ended in " + c.name(), e);
      }
      if (e.status() == EngineException.TIMEOUT) {
        throw new NetbookException(
            "'"
                + what
                + "' in "
                + c.name()
                + " ran longer than "
                + timeout.toSeconds()
                + " s and was stopped; give it a count or a deadline (ping -c 3, timeout 5 wget …)",
            e);
      }
      throw e;
    }
  }

  private boolean lacks(ContainerInfo c, String tool) {
    return !present.computeIfAbsent(
        c.id() + " " + tool,
        k ->
            session
                .engine()
                .exec(c.id(), List.of("sh", "-c", "command -v " + tool), Duration.ofSeconds(10))
                .ok());
  }

  static boolean missingTool(ExecResult r) {
    if (r.exitCode() != 126 && r.exitCode() != 127) {
      return false;
    }
    String out = r.output();
    return out.contains("not found")
        || out.contains("executable file not found")
        || out.contains("no such file or directory");
  }

  private static String firstWord(String line) {
    String s = line.strip();
    int sp = s.indexOf(' ');
    return sp < 0 ? s : s.substring(0, sp);
  }

  private String helper(ContainerInfo c) {
    String existing = helpers.get(c.id());
    if (existing != null) {
      Optional<ContainerInfo> h = session.engine().findContainer(existing);
      if (h.isPresent() && h.get().running()) {
        return existing;
      }
    }
    String name = "netbook-tools-" + c.shortId();
    Engine engine = session.engine();
    try {
      engine
          .findContainer(name)
          .filter(h -> session.owns(h.labels()))
          .ifPresent(h -> engine.removeContainer(h.id(), true));
    } catch (EngineException e) {
      // a stale helper that cannot be removed just makes the create below report the clash
      LOG.log(Level.DEBUG, "stale helper " + name + " not removed", e);
    }
    String image = session.images().helper();
    ContainerSpec spec =
        ContainerSpec.builder(image)
            .name(name)
            .network("container:" + c.id())
            .cmd(List.of("sleep", "86400"))
            .label(Session.LABEL_ROLE, "helper")
            .build();
    String id = session.run(spec, Dialect.JAVA).id();
    helpers.put(c.id(), id);
    session.noticeOnce(
        "helper:" + c.id(),
        c.name()
            + "'s image has no network tools: running them from "
            + (image.equals(ImageResolver.HELPER) ? "busybox" : image)
            + " in "
            + c.name()
            + "'s network namespace");
    return id;
  }

  /** Removes the helper of a container that is going away. */
  void forget(String containerId) {
    present.keySet().removeIf(k -> k.startsWith(containerId + " "));
    String h = helpers.remove(containerId);
    if (h != null) {
      try {
        session.engine().removeContainer(h, true);
      } catch (EngineException e) {
        // already gone with its container's namespace; cleanup() catches any leftover
        LOG.log(Level.DEBUG, "helper " + h + " not removed", e);
      }
    }
  }
}
