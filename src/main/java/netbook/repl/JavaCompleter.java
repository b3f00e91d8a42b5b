package netbook.repl;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Suggestion;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab: command names after {@code :}, live names inside {@code net("…")} and the like, and Java
 * through JShell's {@link SourceCodeAnalysis#completionSuggestions} everywhere else (the
 * type-matching suggestions alone when there are some, as jshell does).
 */
final class JavaCompleter implements Completer {
  private final Supplier<Optional<SourceCodeAnalysis>> analysis;
  private final NameCompleter names;
  private final DockerCompleter docker;

  JavaCompleter(Supplier<Optional<SourceCodeAnalysis>> analysis, NameCompleter names) {
    this.analysis = analysis;
    this.names = names;
    this.docker = new DockerCompleter(names);
  }

  /**
   * JShell's names for the values of expressions ({@code $1}, {@code $12}): never offered, as the
   * REPL never shows them, and a fresh session's warm-up made one that would fill every int
   * argument.
   */
  static boolean synthetic(String continuation) {
    return continuation.matches("\\$\\d+");
  }

  @Override
  public void complete(LineReader reader, ParsedLine parsed, List<Candidate> out) {
    JavaLine jl =
        parsed instanceof JavaLine j
            ? j
            : new JavaLine(
                parsed.line(),
                parsed.cursor(),
                JavaParser.wordStart(parsed.line(), parsed.cursor()));
    complete(jl, out);
  }

  void complete(JavaLine jl, List<Candidate> out) {
    String line = jl.line();
    if (Evaluator.isCommand(line)) {
      if (line.lastIndexOf(' ', jl.cursor() - 1) < 0) {
        boolean slash = line.strip().startsWith("/");
        for (String c : slash ? ReplCommands.slashNames() : ReplCommands.names()) {
          out.add(new Candidate(c, c, null, null, null, null, true));
        }
      }
      return;
    }
    if (Evaluator.isDockerLine(line)) {
      docker.complete(line, jl.cursor(), out);
      return;
    }
    if (names.complete(line, jl.cursor(), out)) {
      return;
    }
    Optional<SourceCodeAnalysis> sca = analysis.get();
    if (sca.isEmpty()) {
      return;
    }
    int[] anchor = {-1};
    List<Suggestion> suggestions;
    try {
      suggestions = sca.get().completionSuggestions(line, jl.cursor(), anchor);
    } catch (RuntimeException e) {
      return;
    }
    suggestions = suggestions.stream().filter(s -> !synthetic(s.continuation())).toList();
    boolean smart = suggestions.stream().anyMatch(Suggestion::matchesType);
    Set<String> seen = new HashSet<>();
    for (Suggestion s : suggestions) {
      if ((smart && !s.matchesType()) || anchor[0] < jl.wordStart()) {
        continue;
      }
      String value = line.substring(jl.wordStart(), anchor[0]) + s.continuation();
      if (seen.add(value)) {
        out.add(new Candidate(value, s.continuation(), null, null, null, null, false));
      }
    }
  }
}
