package netbook.repl;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.UUID;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.docker.DockerEngines;
import netbook.lab.Lab;
import netbook.lab.Session;
import netbook.lab.SessionConfig;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Docker daemon for *IT tests: skipped when none answers, failed instead when
 * NETBOOK_REQUIRE_DOCKER=1. Sessions are offline (never pull); names carry a random prefix.
 */
final class DockerFixture {
  private DockerFixture() {}

  static Engine engine() {
    try {
      return DockerEngines.connect(null, Duration.ofSeconds(5));
    } catch (EngineException e) {
      if ("1".equals(System.getenv("NETBOOK_REQUIRE_DOCKER"))) {
        fail("NETBOOK_REQUIRE_DOCKER=1 but no Docker daemon answers: " + e.getMessage());
      }
      Assumptions.abort("no Docker daemon: " + e.getMessage());
      throw e;
    }
  }

  static Session session(Engine engine) {
    Session s =
        new Session(
            engine,
            new SessionConfig(
                "it" + prefix(), true, ProcessHandle.current().pid(), "", line -> {}, null));
    Lab.bind(s);
    return s;
  }

  /** A unique name prefix, so parallel tests on the shared daemon never meet. */
  static String prefix() {
    return "nbr" + UUID.randomUUID().toString().substring(0, 6);
  }
}
