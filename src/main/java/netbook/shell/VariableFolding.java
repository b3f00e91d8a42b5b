package netbook.shell;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * Keeps a long notebook run linear: moves variables that no other snippet names out of JShell's
 * snippet list into plain classes on the class path, which later snippets see through one static
 * import per batch.
 *
 * <p>Why: JShell compiles each snippet in a wrapper class that imports every declaration before it
 * ({@code import static REPL.$JShell$12.x12;}), and after each javac task it forgets the classes of
 * package REPL, so every evaluation re-reads every earlier wrapper: a snippet costs a constant plus
 * about 20 us per declaration before it, and a notebook of n cells costs n squared. A class on the
 * class path is read once per javac context and kept.
 *
 * <p>What is folded, so that no code can tell: a variable of a primitive, boxed or String type that
 * is still valid, not {@code final}, named once in its own source, and whose name no code that
 * outlives its snippet mentions: no method, class, interface or import snippet, and no lambda,
 * method reference or braces (an anonymous or local class, a block) in any snippet so far. Those
 * are "pinned"; expressions, statements and other variables' initializers ran once and are done.
 * The value is copied into a public static field of the same name and type, the snippet is dropped,
 * and later snippets read and write the field by the same simple name; a later declaration of that
 * name shadows it as a redeclaration would. A name that a static import on demand also offers (the
 * preload's {@code import static netbook.lab.Lab.*}) is not folded: the two imports would make it
 * ambiguous.
 */
final class VariableFolding {
  private static final System.Logger LOG = System.getLogger(VariableFolding.class.getName());

  /** How many foldable variables make a batch: one holder class and one import each. */
  static final int BATCH = 64;

  private static final Pattern IDENTIFIER =
      Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*");

  private static final Set<String> TYPES =
      Set.of(
          "boolean",
          "byte",
          "char",
          "short",
          "int",
          "long",
          "float",
          "double",
          "String",
          "Boolean",
          "Byte",
          "Character",
          "Short",
          "Integer",
          "Long",
          "Float",
          "Double");

  /** A batch made ready: the holder's package, its source, and the snippets to copy and import. */
  record Batch(String pkg, String holderSource, String copy, String importLine) {
    String holderName() {
      return pkg + ".Vars";
    }
  }

  private final Path root;
  private final Set<String> pinned = new HashSet<>();
  private final List<VarSnippet> candidates = new ArrayList<>();
  private final Set<String> folded = new HashSet<>();
  private int batches;

  /** Whether the snippets' class loader sees the holders yet (the first fold tells it). */
  private boolean holdersLoadable;

  /** Holders go to {@code root} (a directory on the JShell's class path, compile and run time). */
  VariableFolding(Path root) {
    this.root = root;
    root.toFile().deleteOnExit(); // a process that ends without closing its shell
  }

  Path root() {
    return root;
  }

  /** A fresh JShell: nothing of the old one's names counts any more (its holders stay on disk). */
  void reset() {
    pinned.clear();
    candidates.clear();
    folded.clear();
    holdersLoadable = false;
  }

  /**
   * Notes what a snippet's source names, given the kind of snippet it made (null: none, it was not
   * evaluated). Words in strings and comments count too: that only holds a variable back.
   */
  void seen(String source, Snippet.Kind kind) {
    if (!oneShot(source, kind)) {
      pinned.addAll(identifiers(source).keySet());
    }
  }

  /** Code that ran once and left nothing behind that could run again. */
  static boolean oneShot(String source, Snippet.Kind kind) {
    boolean once =
        kind == null
            || kind == Snippet.Kind.EXPRESSION
            || kind == Snippet.Kind.STATEMENT
            || kind == Snippet.Kind.VAR;
    return once && !source.contains("->") && !source.contains("::") && source.indexOf('{') < 0;
  }

  /** A variable a snippet declared (or an expression's temporary): a candidate if its type fits. */
  void declared(VarSnippet v) {
    if (TYPES.contains(v.typeName()) && !identifiers(v.source()).containsKey("final")) {
      candidates.add(v);
    }
  }

  /** Whether a batch's worth of candidates waits. */
  boolean due() {
    return candidates.size() >= BATCH;
  }

  /**
   * The variables of the candidates that may be folded now ({@code valid} tells which snippets
   * JShell still has as they were, {@code taken} the names static imports on demand offer), in
   * declaration order; the candidates are used up either way.
   */
  List<VarSnippet> take(Predicate<VarSnippet> valid, Set<String> taken) {
    List<VarSnippet> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (VarSnippet v : candidates) {
      int own = identifiers(v.source()).getOrDefault(v.name(), 0);
      if (own <= 1
          && !pinned.contains(v.name())
          && !taken.contains(v.name())
          && !folded.contains(v.name())
          && names.add(v.name())
          && valid.test(v)) {
        out.add(v);
      }
    }
    candidates.clear();
    return out;
  }

  /** The holder, copy and import for these variables (their names are folded from now on). */
  Batch batch(List<VarSnippet> vars) {
    batches++;
    String pkg = "netbook.cells.f" + batches;
    StringBuilder holder =
        new StringBuilder("package ")
            .append(pkg)
            .append(";\n\npublic final class Vars {\n  private Vars() {}\n");
    StringBuilder copy = new StringBuilder("{");
    for (VarSnippet v : vars) {
      holder.append("  public static ").append(v.typeName()).append(' ').append(v.name());
      holder.append(";\n");
      copy.append(' ').append(pkg).append(".Vars.").append(v.name());
      copy.append(" = ").append(v.name()).append(';');
      folded.add(v.name());
    }
    holder.append("}\n");
    copy.append(" }");
    return new Batch(pkg, holder.toString(), copy.toString(), "import static " + pkg + ".Vars.*;");
  }

  /**
   * Folds a batch, if one may be: compiles the holder, copies the values into it ({@code eval}
   * evaluates a snippet quietly, null when it was stopped), imports it, drops the variables. False
   * when a step failed: the variables stay where they are, and folding should stop.
   */
  boolean fold(JShell js, Function<String, List<SnippetEvent>> eval) {
    Optional<Set<String>> taken = onDemandStatics(js);
    List<VarSnippet> vars =
        take(
            v -> taken.isPresent() && js.status(v) == Snippet.Status.VALID, taken.orElse(Set.of()));
    if (vars.isEmpty()) {
      return true;
    }
    Batch batch = batch(vars);
    try {
      compile(batch);
      if (!holdersLoadable) {
        // javac sees the directory from the start; the class loader only from now on (telling it
        // sooner would cost every start: JShell then re-indexes the class path for completion)
        js.addToClasspath(root.toString());
        holdersLoadable = true;
      }
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "folding off: " + e.getMessage());
      return false;
    }
    for (String step : List.of(batch.copy(), batch.importLine())) {
      List<SnippetEvent> events = eval.apply(step);
      boolean ok =
          events != null
              && events.stream()
                  .filter(e -> e.causeSnippet() == null)
                  .allMatch(e -> e.status() == Snippet.Status.VALID && e.exception() == null);
      if (!ok) {
        LOG.log(Level.DEBUG, "folding off: " + step + " gave " + events);
        return false;
      }
    }
    vars.forEach(js::drop);
    return true;
  }

  /**
   * The names of the static fields that the static imports on demand offer (the preload's and the
   * user's); none when one of those classes is not netbook's to load (a snippet's): it could offer
   * any name.
   */
  private static Optional<Set<String>> onDemandStatics(JShell js) {
    Set<String> names = new HashSet<>();
    for (ImportSnippet i : js.imports().toList()) {
      if (!i.isStatic() || !i.fullname().endsWith(".*") || js.status(i) != Snippet.Status.VALID) {
        continue;
      }
      String cls = i.fullname().substring(0, i.fullname().length() - 2);
      if (isHolder(cls)) {
        continue; // its names are folded ones, never folded again
      }
      try {
        for (Field f :
            Class.forName(cls, false, VariableFolding.class.getClassLoader()).getFields()) {
          if (Modifier.isStatic(f.getModifiers())) {
            names.add(f.getName());
          }
        }
      } catch (ClassNotFoundException | LinkageError e) {
        return Optional.empty();
      }
    }
    return Optional.of(names);
  }

  /** Compiles a batch's holder into the root; an IOException says why it could not. */
  void compile(Batch b) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IOException("no system Java compiler");
    }
    JavaFileObject src =
        new SimpleJavaFileObject(
            URI.create("string:///" + b.holderName().replace('.', '/') + ".java"),
            JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return b.holderSource();
          }
        };
    StringWriter errors = new StringWriter();
    boolean ok =
        javac
            .getTask(
                errors,
                null,
                null,
                List.of("-d", root.toString(), "-proc:none", "-g"),
                null,
                List.of(src))
            .call();
    if (!ok) {
      throw new IOException("the holder " + b.holderName() + " did not compile: " + errors);
    }
    // removed in the reverse order: the class file, then its directories, the root last
    Path dir = root;
    for (String part : b.pkg().split("\\.")) {
      dir = dir.resolve(part);
      dir.toFile().deleteOnExit();
    }
    dir.resolve("Vars.class").toFile().deleteOnExit();
  }

  /** Removes the root and the holders in it. */
  void delete() {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }

  /** Whether a class is one of the holders (of any shell): {@code netbook.cells.fN.Vars}. */
  static boolean isHolder(String className) {
    return className.matches("netbook\\.cells\\.f\\d+\\.Vars");
  }

  /** How often each identifier occurs in a source. */
  static Map<String, Integer> identifiers(String source) {
    Map<String, Integer> out = new HashMap<>();
    Matcher m = IDENTIFIER.matcher(source);
    while (m.find()) {
      out.merge(m.group(), 1, Integer::sum);
    }
    return out;
  }
}
