package netbook.console;

import java.util.List;

/** A replayed console cell: its steps in order. */
public record TranscriptResult(List<TranscriptStep> steps) {
  public TranscriptResult {
    steps = List.copyOf(steps);
  }

  /** Whether any live output differs in substance from what the book recorded. */
  public boolean differs() {
    return steps.stream().anyMatch(TranscriptStep::differs);
  }

  /** The steps whose command ended with a non-zero exit code. */
  public List<TranscriptStep> failures() {
    return steps.stream()
        .filter(s -> s.exitCode() != 0 && s.kind() != TranscriptStep.Kind.NOT_RUN)
        // a failure the book itself shows (ping: bad address 'x') is the transcript as written
        .filter(s -> !(s.recorded() && !s.differs()))
        .toList();
  }

  /** The step of the first command containing {@code text}. */
  public TranscriptStep step(String text) {
    return steps.stream()
        .filter(s -> s.command().contains(text))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no step runs " + text + ": " + this));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (TranscriptStep s : steps) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(s);
    }
    return sb.toString();
  }
}
