package netbook.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import netbook.NetbookException;
import netbook.engine.Engine;
import netbook.lab.CleanupReport;
import netbook.lab.ContainerTable;
import netbook.lab.NetworkTable;
import netbook.lab.Session;
import netbook.notebook.AtomicFile;
import netbook.notebook.Cell;
import netbook.notebook.CellAttributes;
import netbook.notebook.Notebook;
import netbook.notebook.NotebookParser;
import netbook.notebook.NotebookProblem;
import netbook.render.topology.Diagram;
import netbook.render.topology.LiveTopology;
import netbook.render.topology.Topology;
import org.jline.utils.AttributedStyle;

/** The REPL's {@code :commands}. */
public final class ReplCommands {
  /** The commands, with their argument and what they do, as {@code :help} lists them. */
  static final List<String[]> COMMANDS =
      List.of(
          new String[] {":help", "", "this help"},
          new String[] {":networks", "", "the engine's networks (docker network ls)"},
          new String[] {":containers", "", "the running containers (docker ps)"},
          new String[] {":engine", "", "which engine this session talks to"},
          new String[] {":reset", "", "remove this session's containers and networks, fresh Java"},
          new String[] {
            ":save", "[--force] FILE.md", "write the session so far as a notebook (// is prose)"
          },
          new String[] {":open", "FILE.md", "run a notebook's cells in this session"},
          new String[] {":list", "[-all|N|NAME]", "the snippets typed so far, numbered"},
          new String[] {":vars", "", "the variables, with their values"},
          new String[] {":methods", "", "the methods declared"},
          new String[] {":types", "", "the classes, records, interfaces declared"},
          new String[] {":imports", "", "the imports in effect"},
          new String[] {":drop", "N|NAME", "forget a snippet (a variable, a method, …)"},
          new String[] {":edit", "[N|NAME]", "edit snippets in $EDITOR, then run them again"},
          new String[] {":history", "", "what was typed in this session"},
          new String[] {":verbose", "", "show stack traces of errors (again: hide them)"},
          new String[] {":diagram", "[--svg FILE]", "the network as a diagram (or an SVG file)"},
          new String[] {":changes", "on|off", "a line per network change after each input"},
          new String[] {":continue", "", "back to the notebook (when it opened this REPL)"},
          new String[] {":quit", "", "leave netbook (Ctrl-D does too)"});

  /**
   * jshell's commands that netbook has too, typed with jshell's {@code /}: {@code /list} is {@code
   * :list}. (jshell's /reset, /open and /save differ from netbook's: those are not aliases.)
   */
  static final List<String> JSHELL =
      List.of(
          "help", "exit", "list", "vars", "methods", "types", "imports", "drop", "edit", "history");

  private final Evaluator ev;
  private final SnippetCommands snippets;

  ReplCommands(Evaluator ev) {
    this.ev = ev;
    this.snippets = new SnippetCommands(ev);
  }

  /** The command names, for completion. */
  public static List<String> names() {
    return COMMANDS.stream().map(c -> c[0]).toList();
  }

  /** The jshell command names, with their {@code /}, for completion. */
  static List<String> slashNames() {
    return JSHELL.stream().map(n -> "/" + n).toList();
  }

  Evaluator.Result run(String line) throws InterruptedException {
    String[] parts = line.split("\\s+", 2);
    String arg = parts.length > 1 ? parts[1].strip() : "";
    ResultPrinter p = ev.printer();
    if (parts[0].startsWith("/")) {
      String name = parts[0].substring(1);
      if (!JSHELL.contains(name)) {
        p.error(slashError(name));
        return Evaluator.Result.FAILED;
      }
      parts[0] = ":" + name;
    }
    switch (parts[0]) {
      case ":help", ":h", ":?" -> help();
      case ":list" -> snippets.list(arg);
      case ":vars" -> snippets.vars();
      case ":methods" -> snippets.methods();
      case ":types" -> snippets.types();
      case ":imports" -> snippets.imports();
      case ":drop" -> snippets.drop(arg);
      case ":edit" -> snippets.edit(arg, ev.editor());
      case ":history" -> snippets.history(ev.inputs());
      case ":networks" -> {
        Session s = ev.session().session();
        p.text(new NetworkTable(s, s.engine().networks()) + "");
      }
      case ":containers" -> {
        Session s = ev.session().session();
        p.text(new ContainerTable(s, s.engine().containers(false), Instant.now()) + "");
      }
      case ":engine" -> engine();
      case ":reset" -> reset();
      case ":save" -> save(arg);
      case ":open" -> {
        return open(arg);
      }
      case ":verbose" -> {
        ev.verbose(!ev.verbose());
        p.notice(ev.verbose() ? "verbose: stack traces shown" : "verbose off");
      }
      case ":diagram" -> diagram(arg);
      case ":changes" -> {
        if (!arg.equals("on") && !arg.equals("off")) {
          p.error(":changes takes on or off (now " + (ev.changesOn() ? "on" : "off") + ")");
          return Evaluator.Result.FAILED;
        }
        ev.changes(arg.equals("on"));
        p.notice("changes " + arg);
      }
      case ":continue" -> {
        return new Evaluator.Result(true, Evaluator.Action.CONTINUE);
      }
      case ":quit", ":exit", ":q" -> {
        return new Evaluator.Result(true, Evaluator.Action.QUIT);
      }
      default -> {
        p.error("unknown command " + parts[0] + ": :help lists the commands");
        return Evaluator.Result.FAILED;
      }
    }
    return Evaluator.Result.OK;
  }

  /** The one line for a jshell command netbook does not alias. */
  static String slashError(String name) {
    for (String[] c : COMMANDS) {
      if (c[0].equals(":" + name)) {
        return "/"
            + name
            + " is jshell's; netbook's :"
            + name
            + " is different ("
            + c[2]
            + "): type :"
            + name
            + " for that";
      }
    }
    return "unknown command /"
        + name
        + ": :help lists the commands (jshell's "
        + String.join(", ", slashNames())
        + " work too)";
  }

  private void diagram(String arg) throws InterruptedException {
    ResultPrinter p = ev.printer();
    Engine engine = ev.session().session().engine();
    var swarm = netbook.lab.Swarm.in(ev.session().session());
    if (arg.isEmpty()) {
      p.text(
          swarm.isPresent()
              ? swarmDrawing(swarm.get(), p.color())
              : LiveTopology.drawing(engine, ev.width(), p.color()));
      return;
    }
    String[] a = arg.split("\\s+");
    if (a.length != 2 || !a[0].equals("--svg")) {
      throw new NetbookException("usage: :diagram [--svg FILE.svg]");
    }
    Diagram d = swarm.isPresent() ? swarm.get().diagram() : Diagram.of(Topology.snapshot(engine));
    Path written = d.svg(a[1]);
    p.notice("wrote " + written);
  }

  private String swarmDrawing(netbook.lab.Swarm s, boolean unicode) {
    Diagram d = s.diagram().width(ev.width());
    return unicode ? d.drawing() : d.ascii();
  }

  /** Where {@code :help}'s descriptions start: two spaces, the widest command and argument, two. */
  static final int HELP_COLUMN =
      2
          + COMMANDS.stream()
              .mapToInt(c -> (c[0] + (c[1].isEmpty() ? "" : " " + c[1])).length())
              .max()
              .orElse(0)
          + 2;

  /** {@code :help}'s command rows, their descriptions in one column (at least two spaces apart). */
  static List<String> helpRows() {
    List<String> rows = new java.util.ArrayList<>();
    for (String[] c : COMMANDS) {
      String head = "  " + c[0] + (c[1].isEmpty() ? "" : " " + c[1]);
      rows.add(head + " ".repeat(HELP_COLUMN - head.length()) + c[2]);
    }
    return rows;
  }

  private void help() {
    ResultPrinter p = ev.printer();
    p.line("Type Java; the Docker networking API is imported:", ResultPrinter.HEADING);
    p.rows(
        List.of(
            "  net(\"my_bridge\").run(\"ubuntu\", name(\"container_a\"))",
            "  net(\"my_bridge\").run(\"ubuntu\", name(\"container_b\")).ping(\"container_a\")",
            "  networks()   containers()   host()   cleanup()",
            "  checks: reachable(\"b\", \"a\")   isolated(\"a\", \"c\")   resolves(\"b\", \"db\")"
                + "   published(8080)   onNetwork(\"a\", \"my_bridge\")",
            "docker command lines run as they are:  docker network ls",
            "Tab completes Java, and network, container and image names inside net(\"…\"),"
                + " container(\"…\"), ping(\"…\"), run(\"…\").",
            "Tab after ( shows the signatures; Shift-Tab shows the documentation.",
            "Ctrl-C stops what runs; Ctrl-D leaves."),
        4);
    p.line("Commands:", ResultPrinter.HEADING);
    p.rows(helpRows(), HELP_COLUMN);
    p.rows(
        List.of("jshell's " + String.join(" ", slashNames()) + " work as they do in jshell."), 2);
  }

  private void engine() {
    ResultPrinter p = ev.printer();
    Optional<Session> s = ev.session().sessionNow();
    if (s.isPresent()) {
      var info = s.get().engine().info();
      p.text(
          info
              + (info.origin().isEmpty() ? "" : "\nchosen: " + info.origin())
              + "\nsession "
              + s.get().id());
      return;
    }
    p.notice(ev.session().engineError().orElse("the engine is still opening"));
  }

  private void reset() throws InterruptedException {
    if (ev.session().borrowed()) {
      ev.printer().notice(":reset belongs to the notebook here: :continue, then q, restarts it");
      return;
    }
    Optional<String> engineError = ev.session().engineError();
    if (engineError.isEmpty()) {
      CleanupReport r = ev.session().session().cleanup();
      ev.printer().text(r.toString());
    }
    ev.session().resetShell();
    ev.transcript().clear();
    ev.printer().notice("fresh Java session (the API is imported again)");
  }

  private void save(String arg) {
    boolean force = false;
    String name = "";
    for (String word : arg.split("\\s+")) {
      if (word.equals("--force") || word.equals("-f")) {
        force = true;
      } else if (!word.isEmpty()) {
        name = word;
      }
    }
    if (name.isEmpty()) {
      throw new NetbookException(":save needs a file name: :save my-session.md");
    }
    Path file = Path.of(name.endsWith(".md") ? name : name + ".md");
    if (!force && Files.exists(file)) {
      var ask = ev.confirm();
      if (ask == null) {
        throw new NetbookException(
            file
                + " exists: not overwritten; :save --force "
                + file
                + " replaces it, or name"
                + " another file");
      }
      if (!ask.test(file + " exists. Overwrite it? [y/N] ")) {
        ev.printer().notice("not saved: " + file + " left as it was");
        return;
      }
    }
    String title = file.getFileName().toString().replaceFirst("\\.md$", "");
    try {
      AtomicFile.write(file, ev.transcript().toMarkdown(title));
    } catch (IOException e) {
      throw new NetbookException("cannot write " + file + ": " + e.getMessage(), e);
    }
    int n = ev.transcript().entries().size();
    ev.printer().notice("saved " + n + " input" + (n == 1 ? "" : "s") + " to " + file);
  }

  /**
   * Runs a notebook's cells in this session, as the notebook runner does: java cells through
   * JShell, console cells as transcripts (container prompts after an attach run inside the
   * container); {@code skip} cells are passed over, {@code hidden} ones show only a failure, and a
   * cell stops the notebook when it fails unless it has {@code expect=fail}.
   */
  private Evaluator.Result open(String arg) {
    if (arg.isEmpty()) {
      throw new NetbookException(":open needs a notebook: :open notebooks/FILE.md");
    }
    Path file = Path.of(arg);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new NetbookException(
          "cannot read " + file + ": " + netbook.Problems.io(e) + "; check the path", e);
    }
    Notebook nb = NotebookParser.parse(file.toString(), bytes);
    List<Cell> cells = nb.cells();
    ResultPrinter p = ev.printer();
    for (NotebookProblem problem : nb.problems()) {
      if (cells.stream().noneMatch(c -> c.line() == problem.line())) {
        p.error(problem.toString());
      }
    }
    int ran = 0;
    for (Cell c : cells) {
      CellAttributes a = c.attributes();
      if (a.skip()) {
        continue;
      }
      Evaluator.Result r;
      if (!c.runnable()) {
        p.error(c.where(nb.file()) + ": " + c.problem());
        r = Evaluator.Result.FAILED;
      } else if (c.kind() == Cell.Kind.JAVA) {
        if (!a.hidden()) {
          for (String l : c.source().stripTrailing().split("\n")) {
            p.line("» " + l, AttributedStyle.DEFAULT.faint());
          }
        }
        r = ev.run(c.source(), !a.hidden());
      } else {
        r = ev.replay(c.source(), !a.hidden());
      }
      ran++;
      if (!c.runnable() || r.ok() == a.expectFail()) {
        if (r.ok()) {
          p.error(c.where(nb.file()) + " was expected to fail (expect=fail), but it succeeded");
        }
        p.error("stopped at cell " + c.index() + " of " + cells.size() + " of " + file);
        return Evaluator.Result.FAILED;
      }
      if (!r.ok()) {
        p.notice("cell " + c.index() + " failed, as expected (expect=fail)");
      }
    }
    p.notice("ran " + ran + " cell" + (ran == 1 ? "" : "s") + " of " + file);
    return Evaluator.Result.OK;
  }
}
