package netbook.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import netbook.NetbookException;
import netbook.engine.ContainerInfo;
import netbook.engine.EngineException;
import netbook.lab.Ownership;
import netbook.lab.Session;

/**
 * The docker command-line subset, run through the engine port and printed in the docker CLI's own
 * formats: {@code run("docker network ls")}. One console per session ({@link #of(Session)}) keeps
 * what carries from one line to the next: the container a {@code docker attach} entered, and what a
 * replayed book said (its ids and addresses, see {@link BookMemory}).
 *
 * <p>{@code $(docker ps -a -q)} stands for this session's containers only; {@code docker ps -a -q
 * --all-sessions} names every container of the engine — and even then netbook stops and removes
 * only what this session created.
 */
public final class DockerConsole {
  private static final Set<String> SHELL_OPERATORS = Set.of("|", "||", "&&", ";", ">", ">>", "<");

  /** The container a {@code docker attach} (or {@code exec -it X sh}) entered. */
  public record Attachment(String containerId, String name, boolean viaAttach) {
    @Override
    public String toString() {
      return (viaAttach ? "attached to " : "shell in ") + name;
    }
  }

  private final Session session;
  private final Targets targets;
  private final BookMemory book = new BookMemory();
  private final Set<String> notesSaid = ConcurrentHashMap.newKeySet();
  private volatile Attachment attached;
  private volatile String node = "";
  private volatile netbook.lab.Swarm swarm;
  private volatile TranscriptStep lastStep;

  DockerConsole(Session session) {
    this.session = session;
    this.targets = new Targets(session);
  }

  /** The one console of a session (a part of the session, made on first use). */
  public static DockerConsole of(Session session) {
    return session.part(DockerConsole.class, DockerConsole::new);
  }

  public Session session() {
    return session;
  }

  /** What replayed transcripts recorded: the book's ids and addresses and what they are live. */
  public BookMemory book() {
    return book;
  }

  /** The container prompt lines run in, if a {@code docker attach} entered one. */
  public Optional<Attachment> attached() {
    return Optional.ofNullable(attached);
  }

  /** Leaves the attached container (CTRL-p CTRL-q). */
  public void detach() {
    attached = null;
  }

  /**
   * Enters a container's shell as {@code docker exec -it X sh} does: lines then run in it until
   * {@code exit} (which, unlike an attach's, leaves the container running).
   */
  public void enterShell(String containerId) {
    attach(containerId, false);
  }

  /**
   * {@code exit} typed in the attached container: leaves it; an attach's exit ends the container's
   * main shell, so netbook stops a container it owns, as Docker would. Returns that note, or "".
   */
  public String exitShell() {
    Attachment a = attached;
    attached = null;
    if (a == null || !a.viaAttach()) {
      return "";
    }
    Optional<ContainerInfo> c = session.engine().findContainer(a.containerId());
    if (c.isEmpty() || !session.owns(c.get().labels())) {
      return "";
    }
    session.engine().stop(a.containerId(), java.time.Duration.ofSeconds(1));
    return "exit ended " + a.name() + "'s main shell: the container stopped, as in Docker";
  }

  /** The last command a transcript replayed, for output that a later cell continues. */
  Optional<TranscriptStep> lastStep() {
    return Optional.ofNullable(lastStep);
  }

  void lastStep(TranscriptStep step) {
    lastStep = step;
  }

  void attach(String containerId, boolean viaAttach) {
    String name = session.engine().findContainer(containerId).map(ContainerInfo::name).orElse("");
    attached = new Attachment(containerId, name, viaAttach);
  }

  void detachIf(String containerId) {
    Attachment a = attached;
    if (a != null && a.containerId().equals(containerId)) {
      attached = null;
    }
  }

  void noteOnce(CommandOutput out, String key, String note) {
    if (notesSaid.add(key)) {
      out.note(note);
    }
  }

  /** Runs one line such as {@code docker network ls} (the leading "docker" is optional). */
  public CommandResult run(String commandLine) {
    CommandOutput out = new CommandOutput();
    String line = commandLine.strip();
    if (line.isEmpty()) {
      return new CommandResult(0, "");
    }
    try {
      List<String> words = new ArrayList<>(Tokenizer.split(substitute(line, out)));
      if (!words.isEmpty() && words.get(0).equals("sudo")) {
        words.remove(0);
      }
      if (!words.isEmpty() && words.get(0).equals("docker")) {
        words.remove(0);
      } else if (!words.isEmpty() && !isDockerVerb(words.get(0))) {
        out.line(words.get(0) + ": not a docker command (netbook's console runs docker … lines)");
        return new CommandResult(127, out.output(), out.notes());
      }
      Optional<DockerConsole> on = SwarmRouting.console(this, words, out);
      if (on.isPresent() && on.get() != this) {
        CommandResult r = on.get().runWords(words, out);
        return r;
      }
      for (String w : words) {
        if (SHELL_OPERATORS.contains(w)) {
          out.line(
              "'"
                  + w
                  + "' is shell syntax netbook does not run: write one docker command per line");
          return new CommandResult(2, out.output(), out.notes());
        }
      }
      return runWords(words, out);
    } catch (EngineException | Ownership.Refused e) {
      out.line(DockerCli.errorLine(e));
      return new CommandResult(1, out.output(), out.notes());
    } catch (NetbookException e) {
      out.line(e.getMessage());
      return new CommandResult(1, out.output(), out.notes());
    }
  }

  /** Runs the words of a docker line (without "docker") on this console's session. */
  private CommandResult runWords(List<String> words, CommandOutput out) {
    try {
      CommandContext ctx = new CommandContext(session, targets, out, this);
      int code = DockerCli.commandLine(ctx).execute(words.toArray(String[]::new));
      return new CommandResult(code, out.output(), out.notes());
    } catch (EngineException | Ownership.Refused e) {
      out.line(DockerCli.errorLine(e));
      return new CommandResult(1, out.output(), out.notes());
    } catch (NetbookException e) {
      out.line(e.getMessage());
      return new CommandResult(1, out.output(), out.notes());
    }
  }

  /** The swarm node this console's session runs on ("" for the session's own engine). */
  String node() {
    return node;
  }

  void node(netbook.lab.Swarm of, String name) {
    swarm = of;
    node = name;
  }

  /** The swarm this console's node belongs to (its service lines), if it is a node's. */
  Optional<netbook.lab.Swarm> swarm() {
    return Optional.ofNullable(swarm);
  }

  /** The parsed leaf command of a docker line, not run: for tests and for transcript rewriting. */
  Object parse(String commandLine) {
    List<String> words = new ArrayList<>(Tokenizer.split(commandLine.strip()));
    if (!words.isEmpty() && words.get(0).equals("docker")) {
      words.remove(0);
    }
    return DockerCli.parse(new CommandContext(session, targets, new CommandOutput(), this), words);
  }

  private static boolean isDockerVerb(String w) {
    return DockerCli.VERBS.contains(w);
  }

  /** Replaces each {@code $(docker …)} by the words the inner command prints. */
  private String substitute(String line, CommandOutput out) {
    List<Tokenizer.Substitution> subs = Tokenizer.substitutions(line);
    if (subs.isEmpty()) {
      return line;
    }
    StringBuilder sb = new StringBuilder(line);
    for (int i = subs.size() - 1; i >= 0; i--) {
      Tokenizer.Substitution s = subs.get(i);
      List<String> inner = Tokenizer.split(s.inner());
      if (inner.isEmpty() || !inner.get(0).equals("docker")) {
        throw new NetbookException(
            "$(" + s.inner() + ") is not a docker command: netbook substitutes only $(docker …)");
      }
      CommandResult r = run(s.inner());
      if (!r.ok()) {
        throw new NetbookException("$(" + s.inner() + ") failed: " + r.output().strip());
      }
      String words = String.join(" ", r.output().strip().split("\\s+"));
      if (inner.contains("ps") && !inner.contains("--all-sessions")) {
        int n = words.isEmpty() ? 0 : words.split(" ").length;
        out.note(
            "$("
                + s.inner()
                + ") names this netbook session's containers only ("
                + n
                + "); add --all-sessions to name every container (netbook still stops and"
                + " removes only its own)");
      }
      sb.replace(s.start(), s.end(), words);
    }
    return sb.toString();
  }
}
