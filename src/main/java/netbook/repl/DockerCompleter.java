package netbook.repl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import netbook.console.DockerSyntax;
import org.jline.reader.Candidate;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Tab on a {@code docker …} line, from the docker console's own command tree ({@link
 * DockerSyntax}): subcommands after {@code docker } and {@code docker network }, flags after {@code
 * -}, and live names where the command takes them: networks after {@code --network} and for {@code
 * NETWORK} parameters, containers for {@code CONTAINER}, images for {@code IMAGE}.
 */
final class DockerCompleter {
  private final NameCompleter names;
  private volatile CommandSpec docker;

  DockerCompleter(NameCompleter names) {
    this.names = names;
  }

  private CommandSpec docker() {
    CommandSpec s = docker;
    if (s == null) {
      s = DockerSyntax.spec();
      docker = s;
    }
    return s;
  }

  /** Where the word at the cursor starts on a docker line: after the last blank. */
  static int wordStart(String line, int cursor) {
    int i = Math.min(cursor, line.length());
    while (i > 0 && !Character.isWhitespace(line.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** Adds the candidates for the word at the cursor of a docker line. */
  void complete(String line, int cursor, List<Candidate> out) {
    for (String c : candidates(line, cursor)) {
      out.add(new Candidate(c, c, null, null, null, null, true));
    }
  }

  /** The words that may stand where the cursor is (all of them: JLine filters by the prefix). */
  List<String> candidates(String line, int cursor) {
    String before = line.substring(0, Math.min(cursor, line.length()));
    String current = before.substring(wordStart(before, before.length()));
    List<String> words = new ArrayList<>(List.of(before.strip().split("\\s+")));
    if (!current.isEmpty()) {
      words.remove(words.size() - 1);
    }
    if (words.isEmpty() || !words.get(0).equals("docker")) {
      return List.of();
    }
    CommandSpec spec = docker();
    OptionSpec pending = null;
    int positional = 0;
    for (String w : words.subList(1, words.size())) {
      if (pending != null) {
        pending = null;
      } else if (w.startsWith("-") && w.length() > 1) {
        OptionSpec o = spec.findOption(w.contains("=") ? w.substring(0, w.indexOf('=')) : w);
        if (o != null && o.arity().min() > 0 && !w.contains("=")) {
          pending = o;
        }
      } else if (positional == 0 && spec.subcommands().containsKey(w)) {
        spec = spec.subcommands().get(w).getCommandSpec();
      } else {
        positional++;
      }
    }
    Set<String> out = new LinkedHashSet<>();
    if (pending != null) {
      if (pending.longestName().contains("net")) {
        out.addAll(names.names("net"));
      }
      return new ArrayList<>(out);
    }
    if (current.startsWith("-")) {
      for (OptionSpec o : spec.options()) {
        if (!o.hidden()) {
          out.addAll(List.of(o.names()));
        }
      }
      return new ArrayList<>(out);
    }
    if (positional == 0 && !spec.subcommands().isEmpty()) {
      for (CommandLine sub : spec.subcommands().values()) {
        out.add(sub.getCommandName());
      }
      return new ArrayList<>(out);
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (p.index().contains(positional)) {
        String label = p.paramLabel();
        if (label.contains("NETWORK") || label.contains("NAME")) {
          out.addAll(names.names("net"));
        }
        if (label.contains("CONTAINER") || label.contains("NAME")) {
          out.addAll(names.names("container"));
        }
        if (label.contains("IMAGE")) {
          out.addAll(names.names("run"));
        }
      }
    }
    return new ArrayList<>(out);
  }
}
