package netbook.console;

import netbook.NetbookException;
import netbook.lab.Session;

/**
 * The docker command-line subset, run through the engine port and printed in the docker CLI's own
 * formats: {@code run("docker network ls")}.
 */
public final class DockerConsole {
  private final Session session;

  public DockerConsole(Session session) {
    this.session = session;
  }

  public Session session() {
    return session;
  }

  /** Runs one line such as {@code docker network ls} (the leading "docker" is optional). */
  public CommandResult run(String commandLine) {
    throw new NetbookException("docker command lines are not supported yet: use the Java API");
  }
}
