package netbook.repl;

import java.util.UUID;
import netbook.engine.Engine;
import netbook.lab.Session;
import netbook.lab.SessionConfig;
import netbook.testing.RequiresDocker;

/**
 * Sessions and names for the REPL's *IT tests on the real daemon (which {@link RequiresDocker}
 * connects to). Sessions are offline (never pull); names carry a random prefix.
 */
final class DockerFixture {
  private DockerFixture() {}

  static Session session(Engine engine) {
    Session s =
        new Session(
            engine,
            new SessionConfig(
                "it" + prefix(), true, ProcessHandle.current().pid(), "", line -> {}, null));
    return s;
  }

  /** A unique name prefix, so parallel tests on the shared daemon never meet. */
  static String prefix() {
    return "nbr" + UUID.randomUUID().toString().substring(0, 6);
  }
}
