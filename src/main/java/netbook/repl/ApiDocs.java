package netbook.repl;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The Javadoc of netbook's API, for Shift-Tab: JShell 17's {@code SourceCodeAnalysis.documentation}
 * gives signatures (with parameter names) for any method, but reads Javadoc only from the JDK's
 * {@code lib/src.zip} (often not installed). So the build ships the API's own sources in the jar
 * ({@code netbook/api-src/…}, see pom.xml), and this parses them once, with the JDK's own javac
 * parser and {@link DocTrees}, into an index from {@code Class.method(Type,…)} to the comment's
 * text. JShell's signature strings are looked up in it ({@link #lookup}).
 */
final class ApiDocs {
  private static final System.Logger LOG = System.getLogger(ApiDocs.class.getName());
  static final String ROOT = "netbook/api-src";

  /** The sources by their top-level class's simple name. */
  private final Map<String, JavaFileObject> files;

  /** The documentation of the files parsed so far, by key (see {@link #key}). */
  private final Map<String, String> docs = new ConcurrentHashMap<>();

  private final Set<String> parsed = ConcurrentHashMap.newKeySet();

  private ApiDocs(Map<String, JavaFileObject> files) {
    this.files = Map.copyOf(files);
  }

  /**
   * Reads the sources of the classes a learner asks about first (Lab, Container, Network) on a
   * daemon thread, so that the first Shift-Tab does not wait for javac's parser: the REPL calls it
   * once its first input is done.
   */
  static void prepareInBackground() {
    Thread t =
        new Thread(
            () -> {
              ApiDocs d = shipped();
              for (String owner : List.of("Lab", "Container", "Network")) {
                d.parse(owner);
              }
            },
            "netbook-api-docs");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  private static final class Holder {
    static final ApiDocs INSTANCE = new ApiDocs(sources());
  }

  /** The API shipped with this netbook (each file parsed when it is first asked about). */
  static ApiDocs shipped() {
    return Holder.INSTANCE;
  }

  /**
   * The keys of every file, {@code Container.ping(String,int)} and {@code Container}: for tests.
   */
  Set<String> keys() {
    files.keySet().forEach(this::parse);
    return Set.copyOf(docs.keySet());
  }

  /**
   * The documentation for a JShell signature such as {@code PingResult Container.ping(String
   * target, int count)} or {@code netbook.lab.Container}, if the API documents it. Only the file of
   * that class is parsed (a Shift-Tab should not wait for the whole API).
   */
  Optional<String> lookup(String signature) {
    Optional<String> key = key(signature);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    String owner = key.get().replaceFirst("\\..*", "");
    if (files.containsKey(owner)) {
      parse(owner);
    } else {
      files.keySet().forEach(this::parse); // a nested class: its file is not known by its name
    }
    return Optional.ofNullable(docs.get(key.get()));
  }

  private synchronized void parse(String owner) {
    JavaFileObject f = files.get(owner);
    if (f != null && parsed.add(owner)) {
      try {
        index(List.of(f), docs);
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.DEBUG, "the source of " + owner + " could not be read for its Javadoc", e);
      }
    }
  }

  /** The index key of a JShell signature. */
  static Optional<String> key(String signature) {
    String s = signature.strip();
    int paren = s.indexOf('(');
    if (paren < 0) {
      return Optional.of(simple(s.substring(s.lastIndexOf(' ') + 1)));
    }
    String head = s.substring(0, paren);
    String name = head.substring(head.lastIndexOf(' ') + 1).replaceAll("<[^>]*>", "");
    String[] parts = name.split("\\.");
    if (parts.length < 2) {
      return Optional.empty();
    }
    String owner = parts[parts.length - 2];
    String method = parts[parts.length - 1];
    String params = s.substring(paren + 1, s.lastIndexOf(')'));
    List<String> types = new ArrayList<>();
    for (String p : splitTopLevel(params)) {
      String t = p.strip();
      if (t.isEmpty()) {
        continue;
      }
      int sp = lastSpaceOutsideGenerics(t);
      types.add(type(sp < 0 ? t : t.substring(0, sp)));
    }
    return Optional.of(owner + "." + method + "(" + String.join(",", types) + ")");
  }

  private static List<String> splitTopLevel(String params) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < params.length(); i++) {
      char c = params.charAt(i);
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(params.substring(from, i));
        from = i + 1;
      }
    }
    out.add(params.substring(from));
    return out;
  }

  private static int lastSpaceOutsideGenerics(String t) {
    int depth = 0;
    int last = -1;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth--;
      } else if (c == ' ' && depth == 0) {
        last = i;
      }
    }
    return last;
  }

  /** A type as the index writes it: erased, unqualified, varargs as an array. */
  static String type(String t) {
    String s = t.replaceAll("<.*>", "").replace("...", "[]").replace(" ", "");
    String base = s.replace("[]", "");
    return simple(base) + s.substring(base.length());
  }

  private static String simple(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }

  /** The shipped sources: in the jar, or in target/classes when run from the build. */
  private static Map<String, JavaFileObject> sources() {
    Map<String, JavaFileObject> out = new HashMap<>();
    CodeSource cs = ApiDocs.class.getProtectionDomain().getCodeSource();
    if (cs == null || cs.getLocation() == null) {
      return out;
    }
    try {
      Path where = Path.of(cs.getLocation().toURI());
      List<JavaFileObject> found;
      if (Files.isDirectory(where)) {
        found = read(where.resolve(ROOT));
      } else {
        try (FileSystem jar = FileSystems.newFileSystem(where)) {
          found = read(jar.getPath(ROOT));
        }
      }
      for (JavaFileObject f : found) {
        String name = f.getName();
        out.put(name.substring(name.lastIndexOf('/') + 1).replaceFirst("\\.java$", ""), f);
      }
    } catch (URISyntaxException | IllegalArgumentException | IOException e) {
      LOG.log(Level.DEBUG, "the API's sources could not be read for its Javadoc", e);
    }
    return out;
  }

  private static List<JavaFileObject> read(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<JavaFileObject> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        out.add(new Source(root.relativize(p).toString(), text));
      }
    }
    return out;
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String path, String text) {
      super(URI.create("string:///" + path.replace('\\', '/')), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }

  private static void index(List<JavaFileObject> files, Map<String, String> docs)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      return; // a JRE without the compiler has no JShell either
    }
    JavacTask task =
        (JavacTask) javac.getTask(null, null, d -> {}, List.of("-proc:none"), null, files);
    DocTrees trees = DocTrees.instance(task);
    for (CompilationUnitTree unit : task.parse()) {
      new TreePathScanner<Void, String>() {
        @Override
        public Void visitClass(ClassTree c, String outer) {
          String name = c.getSimpleName().toString();
          comment(trees, getCurrentPath()).ifPresent(d -> docs.putIfAbsent(name, d));
          return super.visitClass(c, name);
        }

        @Override
        public Void visitMethod(MethodTree m, String owner) {
          if (!m.getModifiers().getFlags().contains(javax.lang.model.element.Modifier.PRIVATE)) {
            List<String> types = new ArrayList<>();
            for (VariableTree p : m.getParameters()) {
              types.add(type(p.getType().toString()));
            }
            String method = m.getName().contentEquals("<init>") ? owner : m.getName().toString();
            String key = owner + "." + method + "(" + String.join(",", types) + ")";
            comment(trees, getCurrentPath()).ifPresent(d -> docs.put(key, d));
          }
          return null; // (no classes declared inside methods)
        }

        @Override
        public Void visitVariable(VariableTree v, String owner) {
          return null;
        }
      }.scan(unit, "");
    }
  }

  private static Optional<String> comment(DocTrees trees, TreePath path) {
    DocCommentTree d = trees.getDocCommentTree(path);
    if (d == null || path.getLeaf().getKind() == Tree.Kind.VARIABLE) {
      return Optional.empty();
    }
    String text = render(d.toString());
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }

  private static final Pattern INLINE =
      Pattern.compile("\\{@(\\w+)\\s*([^{}]*(\\{[^{}]*\\})?[^{}]*)\\}");

  /** A comment as plain text: inline tags as their text, HTML reduced to line breaks. */
  static String render(String raw) {
    String s = raw.replaceAll("(?m)^ ", ""); // the blank after each line's '*'
    Matcher m = INLINE.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String tag = m.group(1);
      String body = m.group(2).strip();
      String text =
          switch (tag) {
            case "link", "linkplain" -> {
              String[] ref = body.split("\\s+", 2);
              yield ref.length > 1
                  ? ref[1]
                  : ref[0].replaceFirst("^#", "").replace('#', '.').replaceAll("\\(.*\\)", "()");
            }
            default -> body;
          };
      m.appendReplacement(sb, Matcher.quoteReplacement(text));
    }
    m.appendTail(sb);
    s = sb.toString();
    s = s.replaceAll("(?i)\\s*<p>\\s*", "\n\n").replaceAll("(?i)</?pre>", "\n");
    s = s.replaceAll("(?i)</?(em|i|b|strong|code|tt|ul|ol)>", "");
    s = s.replaceAll("(?i)<li>", "\n- ").replaceAll("(?i)</li>", "");
    s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&#64;", "@");
    s = s.replaceAll("(?m)^@param\\s+(\\S+)\\s+", "  $1: ");
    s = s.replaceAll("(?m)^@return\\s+", "Returns ");
    s = s.replaceAll("(?m)^@throws\\s+(\\S+)\\s+", "Throws $1: ");
    return s.replaceAll("\n{3,}", "\n\n").strip();
  }
}
