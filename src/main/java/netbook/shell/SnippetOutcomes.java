package netbook.shell;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import netbook.Problems;

/**
 * What a snippet's evaluation comes to, as jshell would say it: a value ({@code x ==> 1}), "created
 * method m()", an error with a caret under the code, an exception in one line (netbook's own: just
 * its message) with its trace cut at the snippet's frame.
 */
final class SnippetOutcomes {
  private SnippetOutcomes() {}

  static Outcome describe(JShell jshell, String source, SnippetEvent e, String printed) {
    Snippet s = e.snippet();
    switch (e.status()) {
      case REJECTED -> {
        List<Diag> diags = jshell.diagnostics(s).filter(Diag::isError).collect(Collectors.toList());
        if (diags.isEmpty()) {
          return new Outcome(source, Outcome.Kind.REJECTED, printed, "error: rejected", "");
        }
        Diag d = diags.get(0);
        String msg = "error: " + d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
        return new Outcome(source, Outcome.Kind.REJECTED, printed, msg, caret(s.source(), d));
      }
      case RECOVERABLE_DEFINED, RECOVERABLE_NOT_DEFINED -> {
        String needs =
            s instanceof DeclarationSnippet ds
                ? jshell.unresolvedDependencies(ds).collect(Collectors.joining(", "))
                : "";
        return new Outcome(
            source,
            Outcome.Kind.DONE,
            printed,
            "created "
                + s.subKind().name().toLowerCase(Locale.ROOT)
                + ", which cannot be used until "
                + needs
                + " is declared",
            "");
      }
      default -> {
        // VALID and the rest
      }
    }
    if (e.exception() != null) {
      return exception(jshell, source, e.exception(), printed);
    }
    if (s instanceof VarSnippet v) {
      String value = e.value() == null ? "" : e.value();
      if (v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
        return new Outcome(source, Outcome.Kind.VALUE, printed, value, "");
      }
      return new Outcome(source, Outcome.Kind.VALUE, printed, v.name() + " ==> " + value, "");
    }
    if (e.value() != null && !e.value().isEmpty()) {
      return new Outcome(source, Outcome.Kind.VALUE, printed, e.value(), "");
    }
    return new Outcome(source, Outcome.Kind.DONE, printed, declared(e), "");
  }

  private static String declared(SnippetEvent e) {
    if (!(e.snippet() instanceof DeclarationSnippet d) || e.snippet() instanceof VarSnippet) {
      return "";
    }
    String what =
        switch (d.kind()) {
          case METHOD -> "method " + d.name() + "()";
          case TYPE_DECL -> "type " + d.name();
          default -> d.name();
        };
    return (e.previousStatus() == Snippet.Status.NONEXISTENT ? "created " : "replaced ") + what;
  }

  private static Outcome exception(JShell jshell, String source, Throwable t, String printed) {
    if (t instanceof UnresolvedReferenceException u) {
      String needs =
          jshell.unresolvedDependencies(u.getSnippet()).collect(Collectors.joining(", "));
      return new Outcome(
          source,
          Outcome.Kind.EXCEPTION,
          printed,
          "error: " + u.getSnippet().name() + " needs " + needs + ", which is not declared",
          "");
    }
    String cls =
        t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
    String msg = t.getMessage() == null ? "" : t.getMessage();
    String line =
        isNetbooks(cls)
            ? msg
            : Problems.isJavaInternal(cls)
                ? Problems.plain(cls, msg)
                : cls + (msg.isEmpty() ? "" : ": " + msg);
    return new Outcome(source, Outcome.Kind.EXCEPTION, printed, line, trace(t));
  }

  private static boolean isNetbooks(String className) {
    return className.startsWith("netbook.");
  }

  /** The trace cut at the first frame of JShell's own machinery, snippet frames as (#id:line). */
  private static String trace(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (StackTraceElement f : t.getStackTrace()) {
      if (f.getClassName().startsWith("REPL.")) {
        sb.append("      at ")
            .append(f.getMethodName().equals("do_it$") ? "" : f.getMethodName() + " ")
            .append("(#")
            .append(f.getClassName().replaceAll("^REPL\\.\\$JShell\\$(\\d+).*", "$1"))
            .append(':')
            .append(f.getLineNumber())
            .append(")\n");
        break;
      }
      sb.append("      at ").append(f).append('\n');
    }
    if (t.getCause() != null) {
      sb.append("      caused by ").append(t.getCause()).append('\n');
    }
    return sb.toString();
  }

  /** The offending source line with ^^^ under the error, as jshell draws it. */
  static String caret(String src, Diag d) {
    long start = Math.max(0, d.getStartPosition());
    long end = Math.max(start + 1, d.getEndPosition());
    int lineStart = src.lastIndexOf('\n', (int) Math.min(start, src.length()) - 1) + 1;
    int lineEnd = src.indexOf('\n', (int) Math.min(start, src.length()));
    if (lineEnd < 0) {
      lineEnd = src.length();
    }
    String line = src.substring(lineStart, lineEnd);
    int from = (int) start - lineStart;
    int to = (int) Math.min(end, lineEnd) - lineStart;
    return "    "
        + line
        + "\n    "
        + " ".repeat(Math.max(0, from))
        + "^".repeat(Math.max(1, to - from));
  }
}
