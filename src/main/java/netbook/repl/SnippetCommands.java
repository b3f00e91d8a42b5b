package netbook.repl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;
import netbook.NetbookException;
import netbook.shell.JavaShell;

/**
 * jshell's commands on the snippets typed so far: {@code /list}, {@code /vars}, {@code /methods},
 * {@code /types}, {@code /imports}, {@code /drop}, {@code /edit} and {@code /history} (each also as
 * {@code :list} and so on). Snippets are numbered from 1 in the order they were typed; netbook's
 * own (the preloaded imports, the warm-up) are left out, except by {@code /list -all} and {@code
 * /imports}.
 */
final class SnippetCommands {
  /** Opens a file in the user's editor and returns once it is closed (the REPL's terminal). */
  interface Editor {
    /** Edits {@code file}; false when there is no editor to run (one line says why). */
    boolean edit(Path file) throws IOException, InterruptedException;
  }

  private final Evaluator ev;

  SnippetCommands(Evaluator ev) {
    this.ev = ev;
  }

  private JavaShell shell() throws InterruptedException {
    return ev.session().shell();
  }

  /** The user's snippets of the JShell now in use, in the order typed (numbered from 1). */
  private List<Snippet> typed(JavaShell shell) {
    return shell.state().snippets().filter(s -> !shell.isOwn(s)).toList();
  }

  void list(String arg) throws InterruptedException {
    JavaShell shell = shell();
    JShell js = shell.state();
    StringBuilder sb = new StringBuilder();
    if (arg.equals("-all")) {
      int n = 0;
      for (Snippet s : js.snippets().filter(shell::isOwn).toList()) {
        sb.append(entry("s" + ++n, s.source()));
      }
    }
    List<Snippet> typed = typed(shell);
    List<Snippet> chosen = arg.isEmpty() || arg.equals("-all") ? typed : find(typed, arg);
    for (Snippet s : chosen) {
      if (arg.equals("-all") || !arg.isEmpty() || js.status(s).isActive()) {
        sb.append(entry(String.valueOf(typed.indexOf(s) + 1), s.source()));
      }
    }
    if (sb.length() == 0) {
      ev.printer().notice("no snippets yet: type some Java first");
      return;
    }
    ev.printer().text(sb.toString());
  }

  private static String entry(String id, String source) {
    String body = source.strip().replace("\n", "\n" + " ".repeat(7));
    return String.format("%4s : %s%n", id, body);
  }

  /** The snippets an argument names: a number from {@code /list}, or a declared name. */
  private static List<Snippet> find(List<Snippet> typed, String arg) {
    List<Snippet> found = new ArrayList<>();
    for (String a : arg.split("\\s+")) {
      if (a.matches("\\d+")) {
        int i = Integer.parseInt(a);
        if (i < 1 || i > typed.size()) {
          throw new NetbookException(
              "no snippet " + a + ": /list shows the numbers (1 to " + typed.size() + ")");
        }
        found.add(typed.get(i - 1));
        continue;
      }
      List<Snippet> named =
          typed.stream()
              .filter(s -> s instanceof DeclarationSnippet d && d.name().equals(a))
              .collect(Collectors.toList());
      if (named.isEmpty()) {
        throw new NetbookException(
            "no variable, method or type named " + a + ": /vars, /methods and /types list them");
      }
      found.add(named.get(named.size() - 1));
    }
    return found;
  }

  void vars() throws InterruptedException {
    JavaShell shell = shell();
    JShell js = shell.state();
    StringBuilder sb = new StringBuilder();
    for (Snippet s : typed(shell)) {
      if (s instanceof VarSnippet v
          && js.status(v).isActive()
          && v.subKind() != Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
        String value;
        try {
          value = js.status(v) == Snippet.Status.VALID ? js.varValue(v) : "(not yet defined)";
        } catch (IllegalStateException | IllegalArgumentException e) {
          value = "(unknown)";
        }
        sb.append("  ")
            .append(v.typeName())
            .append(' ')
            .append(v.name())
            .append(" = ")
            .append(value)
            .append('\n');
      }
    }
    print(sb, "no variables yet: int x = 1 declares one");
  }

  void methods() throws InterruptedException {
    JavaShell shell = shell();
    StringBuilder sb = new StringBuilder();
    for (Snippet s : typed(shell)) {
      if (s instanceof MethodSnippet m && shell.state().status(m).isActive()) {
        sb.append("  ").append(method(m)).append('\n');
      }
    }
    print(sb, "no methods yet: void hello() { … } declares one");
  }

  /** {@code void m(int)} from JShell's {@code (int)void}. */
  static String method(MethodSnippet m) {
    String sig = m.signature();
    int close = sig.lastIndexOf(')');
    return sig.substring(close + 1) + " " + m.name() + sig.substring(0, close + 1);
  }

  void types() throws InterruptedException {
    JavaShell shell = shell();
    StringBuilder sb = new StringBuilder();
    for (Snippet s : typed(shell)) {
      if (s instanceof TypeDeclSnippet t && shell.state().status(t).isActive()) {
        String kind =
            t.subKind().name().replace("_SUBKIND", "").replace("_", " ").toLowerCase(Locale.ROOT);
        sb.append("  ").append(kind).append(' ').append(t.name()).append('\n');
      }
    }
    print(sb, "no types yet: record Point(int x, int y) {} declares one");
  }

  void imports() throws InterruptedException {
    JavaShell shell = shell();
    StringBuilder sb = new StringBuilder();
    shell
        .state()
        .imports()
        .filter(i -> shell.state().status(i).isActive())
        .forEach(i -> sb.append("  ").append(importLine(i)).append('\n'));
    print(sb, "no imports");
  }

  private static String importLine(ImportSnippet i) {
    return "import " + (i.isStatic() ? "static " : "") + i.fullname();
  }

  void drop(String arg) throws InterruptedException {
    if (arg.isEmpty()) {
      throw new NetbookException("/drop needs a name or a number from /list: /drop x");
    }
    JavaShell shell = shell();
    JShell js = shell.state();
    List<Snippet> typed = typed(shell);
    for (Snippet s : find(typed, arg)) {
      if (!js.status(s).isActive()) {
        ev.printer().notice("snippet " + (typed.indexOf(s) + 1) + " is not active");
        continue;
      }
      List<SnippetEvent> events = js.drop(s);
      if (events.isEmpty()) {
        continue;
      }
      ev.printer().notice("dropped " + what(s, typed));
    }
  }

  private static String what(Snippet s, List<Snippet> typed) {
    if (s instanceof VarSnippet v) {
      return "variable " + v.name();
    }
    if (s instanceof MethodSnippet m) {
      return "method " + m.name() + "()";
    }
    if (s instanceof TypeDeclSnippet t) {
      return "type " + t.name();
    }
    return "snippet " + (typed.indexOf(s) + 1);
  }

  /**
   * Writes the snippets (all active ones, or those named) to a file, opens it in $VISUAL or
   * $EDITOR, and runs what the file holds once the editor is closed, if it changed.
   */
  void edit(String arg, Editor editor) throws InterruptedException {
    if (editor == null) {
      throw new NetbookException("/edit needs a terminal: it opens $EDITOR there");
    }
    JavaShell shell = shell();
    List<Snippet> typed = typed(shell);
    List<Snippet> chosen =
        arg.isEmpty()
            ? typed.stream().filter(s -> shell.state().status(s).isActive()).toList()
            : find(typed, arg);
    String before =
        chosen.stream().map(s -> s.source().stripTrailing()).collect(Collectors.joining("\n"));
    Path file = null;
    try {
      file = Files.createTempFile("netbook-edit-", ".jsh");
      Files.writeString(file, before.isEmpty() ? "" : before + "\n", StandardCharsets.UTF_8);
      if (!editor.edit(file)) {
        return;
      }
      String after = Files.readString(file, StandardCharsets.UTF_8);
      if (after.strip().equals(before.strip())) {
        ev.printer().notice("unchanged");
        return;
      }
      ev.run(after, true);
    } catch (IOException e) {
      throw new NetbookException(
          "/edit could not use a temporary file: "
              + netbook.Problems.io(e)
              + "; check that the temporary directory (TMPDIR) is writable",
          e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // a temporary file left in /tmp
        }
      }
    }
  }

  void history(List<String> inputs) {
    StringBuilder sb = new StringBuilder();
    for (String i : inputs) {
      sb.append(i.stripTrailing()).append('\n');
    }
    print(sb, "nothing typed yet");
  }

  private void print(StringBuilder sb, String none) {
    if (sb.length() == 0) {
      ev.printer().notice(none);
    } else {
      ev.printer().text(sb.toString());
    }
  }
}
