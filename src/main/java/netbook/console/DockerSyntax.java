package netbook.console;

import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code docker} command tree netbook runs, as picocli's model: its subcommands, flags and
 * parameter labels ({@code CONTAINER}, {@code NETWORK}, {@code IMAGE}), for the REPL's completion
 * of {@code docker …} lines. Nothing is bound to a session: the model is never run.
 */
public final class DockerSyntax {
  private DockerSyntax() {}

  /** A fresh model of the {@code docker} command (cheap: picocli reads the annotations). */
  public static CommandSpec spec() {
    return DockerCli.commandLine(null).getCommandSpec();
  }
}
