package netbook.console;

/** What one docker command line printed (as the docker CLI prints it) and its exit code. */
public record CommandResult(int exitCode, String output) {
  public boolean ok() {
    return exitCode == 0;
  }

  @Override
  public String toString() {
    return output.endsWith("\n") ? output.substring(0, output.length() - 1) : output;
  }
}
