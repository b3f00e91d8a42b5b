package netbook.cli;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A snippet called System.exit: JShell's local engine runs snippets in netbook's JVM, so their exit
 * is netbook's, and the shutdown hook runs while the snippet's thread waits in it. Told apart from
 * a signal by the stacks: a thread inside {@code Shutdown.exit} under a snippet's frame ({@code
 * REPL.$JShell$…}). The status is not visible from outside the exiting thread; it is read from the
 * source of the running snippet when that spells a literal {@code System.exit(N)}.
 */
record SnippetExit(OptionalInt status) {
  private static final Pattern EXIT =
      Pattern.compile(
          "\\b(?:System|Runtime\\.getRuntime\\(\\))\\s*\\.\\s*exit\\s*\\(\\s*(-?\\d{1,9})\\s*\\)");

  /**
   * The snippet exit under way, or null when the JVM ends for another reason; {@code evaluating}:
   * the sources of the snippets running now.
   */
  static SnippetExit now(Set<String> evaluating) {
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      if (isSnippetExit(e.getValue())) {
        return new SnippetExit(statusIn(evaluating));
      }
    }
    return null;
  }

  static boolean isSnippetExit(StackTraceElement[] stack) {
    boolean exiting = false;
    for (StackTraceElement f : stack) {
      if (f.getClassName().equals("java.lang.Shutdown") && f.getMethodName().equals("exit")) {
        exiting = true;
      } else if (exiting && f.getClassName().startsWith("REPL.")) {
        return true;
      }
    }
    return false;
  }

  /** The one status the running snippets spell out, if exactly one. */
  static OptionalInt statusIn(Set<String> sources) {
    Set<Integer> found =
        sources.stream()
            .flatMap(s -> EXIT.matcher(s).results())
            .map(m -> Integer.parseInt(m.group(1)))
            .collect(Collectors.toSet());
    return found.size() == 1 ? OptionalInt.of(found.iterator().next()) : OptionalInt.empty();
  }

  String what() {
    return status.isPresent()
        ? "a snippet called System.exit(" + status.getAsInt() + ")"
        : "a snippet called System.exit";
  }

  String exiting() {
    return status.isPresent() ? "exiting with " + status.getAsInt() : "exiting with its status";
  }
}
