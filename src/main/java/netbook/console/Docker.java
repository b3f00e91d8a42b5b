package netbook.console;

import netbook.lab.Lab;

/**
 * The docker command line in JShell, preloaded with {@code import static Docker.*}: {@code
 * docker("network ls")}, {@code docker("run -dit --name a ubuntu")}, and {@code replay("$ docker
 * network ls")} for a whole transcript. Both work on the current {@link Lab#session()} through its
 * one {@link DockerConsole}.
 */
public final class Docker {
  private Docker() {}

  /** Runs one docker command line (the leading "docker" is optional). */
  public static CommandResult docker(String args) {
    return DockerConsole.of(Lab.session()).run(args);
  }

  /** Replays a transcript ({@code $ } lines, container prompts, recorded output). */
  public static TranscriptResult replay(String transcript) {
    return TranscriptRunner.of(Lab.session()).run(transcript);
  }
}
