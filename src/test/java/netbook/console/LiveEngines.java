package netbook.console;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.docker.DockerEngines;
import netbook.lab.Session;
import netbook.lab.SessionConfig;

/**
 * The engines integration tests run on: the real Docker daemon (skipped when none answers, failed
 * instead when NETBOOK_REQUIRE_DOCKER=1). Sessions are offline: tests never pull.
 */
final class LiveEngines {
  private LiveEngines() {}

  static Engine docker() {
    try {
      return DockerEngines.connect(null, Duration.ofSeconds(5));
    } catch (EngineException e) {
      if ("1".equals(System.getenv("NETBOOK_REQUIRE_DOCKER"))) {
        fail("NETBOOK_REQUIRE_DOCKER=1 but no Docker daemon answers: " + e.getMessage());
      }
      assumeTrue(false, "no Docker daemon: " + e.getMessage());
      throw e;
    }
  }

  static String suffix() {
    byte[] b = new byte[3];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /**
   * A session with a unique id; its notices are collected in {@code notices}. On real Docker it is
   * offline (nothing is pulled); the embedded engine's "pulls" are in-process catalogue lookups,
   * with no registry, so there it may pull.
   */
  static Session session(Engine engine, List<String> notices) {
    return new Session(
        engine,
        new SessionConfig(
            "it-console-" + suffix(),
            !engine.info().embedded(),
            ProcessHandle.current().pid(),
            "",
            notices::add,
            Duration.ofSeconds(30)));
  }

  static List<String> notices() {
    return new CopyOnWriteArrayList<>();
  }
}
