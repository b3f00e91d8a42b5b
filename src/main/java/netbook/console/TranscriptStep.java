package netbook.console;

import java.util.List;

/**
 * One command of a replayed transcript: where it ran ({@code host}, or the container's name), what
 * it printed live, what the book recorded under it, whether the two differ in substance (after
 * {@link Masking}), its exit code, netbook's notes (rewrites, aliases, scopes) and the marks that
 * show each difference side by side.
 */
public record TranscriptStep(
    Kind kind,
    String command,
    String where,
    String live,
    String book,
    boolean differs,
    int exitCode,
    List<String> notes,
    List<String> marks) {

  /** How a transcript line was handled. */
  public enum Kind {
    /** a docker command line, run by the console */
    DOCKER,
    /** a command typed at a container prompt, run inside the attached container */
    CONTAINER,
    /** a host command answered from the engine's view of the host (ifconfig, ip addr) */
    HOST,
    /** a host command netbook does not run */
    NOT_RUN,
    /** output a later cell shows for the previous cell's last command */
    CONTINUED
  }

  public TranscriptStep {
    live = live == null ? "" : live;
    book = book == null ? "" : book;
    notes = notes == null ? List.of() : List.copyOf(notes);
    marks = marks == null ? List.of() : List.copyOf(marks);
  }

  /** Whether the book shows any output for this command. */
  public boolean recorded() {
    return !book.isBlank();
  }

  /** The prompt line as printed: {@code $ docker ps} or {@code container_1 # ping -c 2 …}. */
  public String promptLine() {
    return switch (kind) {
      case CONTAINER -> where + " # " + command;
      case CONTINUED -> "(continued) " + command;
      default -> "$ " + command;
    };
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(promptLine()).append('\n');
    if (kind != Kind.CONTINUED && !live.isEmpty()) {
      sb.append(live.endsWith("\n") ? live : live + "\n");
    }
    for (String m : marks) {
      sb.append(m).append('\n');
    }
    if (differs) {
      sb.append("! differs from the book\n");
    }
    for (String n : notes) {
      sb.append("note: ").append(n).append('\n');
    }
    if (exitCode != 0 && kind != Kind.NOT_RUN) {
      sb.append("(exit ").append(exitCode).append(")\n");
    }
    return sb.toString().stripTrailing();
  }
}
