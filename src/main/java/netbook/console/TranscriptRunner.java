package netbook.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import netbook.NetbookException;
import netbook.engine.ContainerInfo;
import netbook.engine.Endpoint;
import netbook.engine.EngineException;
import netbook.engine.ExecResult;
import netbook.lab.Ownership;
import netbook.lab.Session;

/**
 * Replays a console cell as written. A {@code $ } line is a host command: docker lines run through
 * the {@link DockerConsole}, {@code ifconfig}/{@code ip addr} are answered from the engine's view
 * of the host, other host commands are shown as not run. After {@code docker attach X} (or {@code
 * docker exec -it X sh}, {@code docker run -it …}), lines with a container prompt ({@code # },
 * {@code / # }, {@code root@<hex>:/# }) run inside X until a detach ({@code CTRL-p CTRL-q}, a new
 * {@code $ } line); the attachment carries over to the next cell. Every other line is the book's
 * recorded output of the command above it, compared with the live output after {@link Masking}.
 *
 * <p>Addresses and id prefixes the book names are its own run's: {@code ping -c 2 172.17.0.4} means
 * the container the book's {@code docker network inspect} shows at that address, {@code docker
 * inspect ffa4} the container whose id the book printed just before. Such words are rewritten to
 * the live values, with a note saying so.
 */
public final class TranscriptRunner {
  private static final Pattern IPV4 =
      Pattern.compile("^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$");
  private static final Pattern FULL_ID = Pattern.compile("^[0-9a-f]{64}$");
  private static final Pattern DOCKER_LINE = Pattern.compile("(?:sudo\\s+)?docker(?:\\s|$)");

  private final DockerConsole console;

  public TranscriptRunner(DockerConsole console) {
    this.console = console;
  }

  /** The runner of a session's console (its attachment and book memory carry across cells). */
  public static TranscriptRunner of(Session session) {
    return new TranscriptRunner(DockerConsole.of(session));
  }

  public DockerConsole console() {
    return console;
  }

  /** Reads a block the book shows but that is not run (a JSON block) for ids and addresses. */
  public void learn(String recorded) {
    console.book().learn(recorded);
  }

  /**
   * A cell's command lines (host and container prompts, detaches, their backslash continuations)
   * without the book's output under them: what step mode shows before the cell runs, the book's
   * output being compared with the live one after.
   */
  public static String commands(String cell) {
    StringBuilder sb = new StringBuilder();
    boolean continued = false;
    for (String line : cell.replace("\r\n", "\n").split("\n")) {
      TranscriptLine.Kind kind = TranscriptLine.of(line).kind();
      if (continued || kind != TranscriptLine.Kind.OUTPUT) {
        sb.append(line).append('\n');
        continued = line.stripTrailing().endsWith("\\");
      }
    }
    return sb.toString();
  }

  public TranscriptResult run(String cell) {
    return run(cell, step -> {});
  }

  /** Replays a cell, handing each step to {@code onStep} as soon as it is done. */
  public TranscriptResult run(String cell, Consumer<TranscriptStep> onStep) {
    List<TranscriptStep> steps = new ArrayList<>();
    Consumer<TranscriptStep> emit =
        s -> {
          steps.add(s);
          console.lastStep(s);
          onStep.accept(s);
        };
    List<String> leading = new ArrayList<>();
    boolean seenCommand = false;
    Pending cur = null;
    List<String> lines = List.of(cell.replace("\r\n", "\n").split("\n", -1));
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      TranscriptLine p = TranscriptLine.of(line);
      if (p.kind() == TranscriptLine.Kind.HOST) {
        while (p.command().endsWith("\\") && i + 1 < lines.size()) {
          String joined =
              p.command().substring(0, p.command().length() - 1) + " " + lines.get(++i).strip();
          p = new TranscriptLine(TranscriptLine.Kind.HOST, joined, "");
        }
      }
      if (p.kind() == TranscriptLine.Kind.OUTPUT) {
        (cur == null ? leading : cur.book).add(line);
        continue;
      }
      if (cur != null && cur.live == null) {
        execute(cur);
      }
      if (p.kind() == TranscriptLine.Kind.HASH && console.attached().isEmpty()) {
        // "# words" with no container attached: a comment, or output
        (cur == null ? leading : cur.book).add(line);
        continue;
      }
      if (cur != null) {
        emit.accept(finish(cur));
        cur = null;
      } else if (!seenCommand && !leading.isEmpty()) {
        continued(leading).ifPresent(emit);
      }
      seenCommand = true;
      switch (p.kind()) {
        case DETACH -> console.detach();
        case HOST -> {
          console.detach();
          if (!p.command().isBlank()) {
            cur = new Pending(false, p.command().strip(), "");
          }
        }
        default -> {
          if (!p.command().isBlank()) {
            cur = new Pending(true, p.command().strip(), p.promptHost());
          }
        }
      }
    }
    if (cur != null) {
      if (cur.live == null) {
        execute(cur);
      }
      emit.accept(finish(cur));
    } else if (!seenCommand && !leading.isEmpty()) {
      continued(leading).ifPresent(emit);
    }
    return new TranscriptResult(steps);
  }

  /** A command being replayed: its recorded lines, and once run its live result. */
  private static final class Pending {
    final boolean inContainer;
    final String command;
    final String promptHost;
    final List<String> book = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    TranscriptStep.Kind kind;
    String where = "host";
    String live;
    int exitCode;

    Pending(boolean inContainer, String command, String promptHost) {
      this.inContainer = inContainer;
      this.command = command;
      this.promptHost = promptHost;
    }
  }

  private Optional<TranscriptStep> continued(List<String> lines) {
    String book = join(lines);
    Optional<TranscriptStep> last = console.lastStep();
    if (book.isBlank() || last.isEmpty()) {
      return Optional.empty();
    }
    TranscriptStep prev = last.get();
    console.book().learn(book);
    boolean differs = !Masking.sameInSubstance(book, prev.live());
    return Optional.of(
        new TranscriptStep(
            TranscriptStep.Kind.CONTINUED,
            prev.command(),
            prev.where(),
            prev.live(),
            book,
            differs,
            prev.exitCode(),
            List.of(),
            LineDiff.marks(book, prev.live())));
  }

  private TranscriptStep finish(Pending p) {
    String book = join(p.book);
    console.book().learn(book);
    if (p.kind == TranscriptStep.Kind.DOCKER) {
      String b = book.strip();
      String l = p.live.strip();
      if (Targets.isHex(b) && b.length() >= 12 && FULL_ID.matcher(l).matches()) {
        console.book().learnId(b, l);
      }
    }
    boolean recorded = !book.isBlank();
    boolean differs = recorded && !Masking.sameInSubstance(book, p.live);
    List<String> marks = recorded ? LineDiff.marks(book, p.live) : List.of();
    if (differs && p.kind == TranscriptStep.Kind.HOST) {
      // another machine's interfaces: show what is alike, not every line only one host has
      differs = false;
      marks = marks.stream().filter(m -> m.startsWith("~")).toList();
      p.notes.add("the book's host is another machine: its interfaces differ from this one's");
    } else if (differs && p.notes.stream().anyMatch(n -> n.contains("played by the lab image"))) {
      p.notes.add("the difference comes from the stand-in image, which prints other logs");
      differs = false; // explained, like another host's interfaces: check does not fail on it
    } else if (differs && p.notes.stream().anyMatch(n -> n.contains(RunCommand.FIRST_LOGS))) {
      // a server's start-up logs are its image's: another build or version of nginx logs otherwise
      p.notes.add("a server's first logs come from its image, whose build and version vary");
      differs = false;
    }
    return new TranscriptStep(
        p.kind, p.command, p.where, p.live, book, differs, p.exitCode, p.notes, marks);
  }

  private void execute(Pending p) {
    try {
      if (p.inContainer) {
        inContainer(p);
      } else {
        onHost(p);
      }
    } catch (EngineException | Ownership.Refused e) {
      p.live = DockerCli.errorLine(e) + "\n";
      p.exitCode = 1;
    } catch (NetbookException e) {
      p.live = e.getMessage() + "\n";
      p.exitCode = 1;
    }
    if (p.kind == null) {
      // whatever went wrong before the command was classified, the step still has a kind
      p.kind = p.inContainer ? TranscriptStep.Kind.CONTAINER : TranscriptStep.Kind.DOCKER;
    }
  }

  private void onHost(Pending p) {
    List<String> words;
    try {
      words = new ArrayList<>(Tokenizer.split(p.command));
    } catch (NetbookException e) {
      unparsable(p, e);
      return;
    }
    if (!words.isEmpty() && words.get(0).equals("sudo")) {
      words.remove(0);
    }
    if (!words.isEmpty() && words.get(0).equals("docker")) {
      p.kind = TranscriptStep.Kind.DOCKER;
      CommandResult r = console.run(rewriteIds(p.command, p.notes));
      p.live = r.output();
      p.exitCode = r.exitCode();
      p.notes.addAll(r.notes());
      return;
    }
    Optional<String> answer = HostCommands.answer(console.session(), words);
    if (answer.isPresent()) {
      p.kind = TranscriptStep.Kind.HOST;
      p.live = answer.get();
      p.notes.add(
          "answered from the engine's view of the host (host()), not by the host's own tool");
      return;
    }
    p.kind = TranscriptStep.Kind.NOT_RUN;
    p.live = "";
    p.notes.add("not run: host command");
  }

  /**
   * A host line the shell could not split (an unclosed quote): a docker line fails with one line
   * saying how to fix it; any other host command is not run anyway.
   */
  private static void unparsable(Pending p, NetbookException e) {
    if (!DOCKER_LINE.matcher(p.command).lookingAt()) {
      p.kind = TranscriptStep.Kind.NOT_RUN;
      p.live = "";
      p.notes.add("not run: host command (" + e.getMessage() + ")");
      return;
    }
    p.kind = TranscriptStep.Kind.DOCKER;
    p.live = e.getMessage() + ": close the quote, or escape it (\\' or \\\")" + "\n";
    p.exitCode = 1;
  }

  /** Rewrites id prefixes the book printed (docker inspect ffa4) to the live ids they stand for. */
  private String rewriteIds(String command, List<String> notes) {
    String out = command;
    for (String w : Tokenizer.split(command)) {
      if (w.length() < 4 || !Targets.isHex(w)) {
        continue;
      }
      Optional<String> live = console.book().liveIdFor(w);
      if (live.isPresent() && !live.get().startsWith(w)) {
        String shortId = live.get().substring(0, 12);
        out = out.replaceAll("(?<![0-9a-f])" + w + "(?![0-9a-f])", shortId);
        notes.add("the book's " + w + " is the id it printed above; live that is " + shortId);
      }
    }
    return out;
  }

  private void inContainer(Pending p) {
    p.kind = TranscriptStep.Kind.CONTAINER;
    Optional<ContainerInfo> target = target(p);
    if (target.isEmpty()) {
      p.kind = TranscriptStep.Kind.NOT_RUN;
      p.where = p.promptHost.isEmpty() ? "container" : p.promptHost;
      p.live = "";
      p.notes.add("not run: no container is attached (docker attach NAME first)");
      return;
    }
    ContainerInfo c = target.get();
    p.where = c.name();
    String cmd = p.command;
    if (cmd.equals("exit")) {
      exit(c, p);
      return;
    }
    cmd = rewriteAddresses(cmd, c, p.notes);
    cmd = boundPing(cmd, p.notes);
    ExecResult r = console.session().container(c.id()).sh(cmd);
    p.live = r.output();
    p.exitCode = r.exitCode();
  }

  private Optional<ContainerInfo> target(Pending p) {
    Optional<DockerConsole.Attachment> a = console.attached();
    Targets targets = new Targets(console.session());
    if (a.isPresent()) {
      return targets.findContainer(a.get().containerId());
    }
    String host = p.promptHost;
    if (host.isEmpty()) {
      return Optional.empty();
    }
    Optional<ContainerInfo> c =
        targets.ownContainers(false).stream()
            .filter(i -> i.name().equals(host) || i.hostname().equals(host))
            .findFirst();
    if (c.isEmpty()) {
      c = console.book().nameForId(host).flatMap(targets::findContainer);
    }
    if (c.isEmpty()) {
      c = console.book().liveIdFor(host).flatMap(targets::findContainer);
    }
    c.ifPresent(
        i -> {
          console.attach(i.id(), true);
          p.notes.add("the prompt root@" + host + " is " + i.name() + "'s: running there");
        });
    return c;
  }

  private void exit(ContainerInfo c, Pending p) {
    if (console.attached().isEmpty()) {
      console.attach(c.id(), true);
    }
    p.live = "";
    String note = console.exitShell();
    if (!note.isEmpty()) {
      p.notes.add(note);
    }
  }

  /** {@code ping 172.17.0.4}: the book's address of a container, rewritten to its live one. */
  private String rewriteAddresses(String cmd, ContainerInfo from, List<String> notes) {
    String out = cmd;
    Targets targets = new Targets(console.session());
    for (String w : Tokenizer.split(cmd)) {
      if (!IPV4.matcher(w).matches()) {
        continue;
      }
      Optional<String> name = console.book().nameAt(w);
      if (name.isEmpty()) {
        continue;
      }
      Optional<ContainerInfo> other = targets.findContainer(name.get());
      if (other.isEmpty()) {
        continue;
      }
      String live = liveAddress(other.get(), from);
      if (!live.isEmpty() && !live.equals(w)) {
        out = out.replaceAll("(?<![\\d.])" + Pattern.quote(w) + "(?![\\d.])", live);
        notes.add(
            "the book's "
                + w
                + " is "
                + name.get()
                + " (so its docker network inspect shows); live "
                + name.get()
                + " is at "
                + live
                + ", so that is used");
      }
    }
    return out;
  }

  /** The address of {@code c} on a network {@code from} shares with it, else its first. */
  private static String liveAddress(ContainerInfo c, ContainerInfo from) {
    for (Endpoint e : c.endpoints()) {
      if (from.endpoint(e.network()).isPresent() && !e.ipv4().isEmpty()) {
        return e.ipv4();
      }
    }
    return c.endpoints().isEmpty() ? "" : c.endpoints().get(0).ipv4();
  }

  /** A ping without a count runs until CTRL-C in a terminal: here it sends four. */
  private static String boundPing(String cmd, List<String> notes) {
    List<String> w = Tokenizer.split(cmd);
    if (!w.isEmpty() && w.get(0).equals("ping") && !w.contains("-c")) {
      notes.add("ping without -c runs until CTRL-C: netbook sends 4 (ping -c 4)");
      return "ping -c 4 " + cmd.strip().substring(4).strip();
    }
    return cmd;
  }

  private static String join(List<String> lines) {
    int from = 0;
    int to = lines.size();
    while (from < to && lines.get(from).isBlank()) {
      from++;
    }
    while (to > from && lines.get(to - 1).isBlank()) {
      to--;
    }
    return from == to ? "" : String.join("\n", lines.subList(from, to)) + "\n";
  }
}
