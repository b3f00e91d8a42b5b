package netbook.testing;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.docker.DockerEngines;
import netbook.lab.Lab;
import netbook.lab.Session;
import netbook.lab.SessionConfig;

/**
 * The real Docker engine for integration tests. With NETBOOK_REQUIRE_DOCKER=1 (as CI sets) a
 * missing daemon fails the test; otherwise the test is skipped with the reason.
 */
public final class RealDocker {
  private RealDocker() {}

  public static Engine engine() {
    try {
      return DockerEngines.connect(null, Duration.ofSeconds(5));
    } catch (EngineException e) {
      if ("1".equals(System.getenv("NETBOOK_REQUIRE_DOCKER"))) {
        fail("NETBOOK_REQUIRE_DOCKER=1 but " + e.getMessage());
      }
      assumeTrue(false, "no Docker engine: " + e.getMessage());
      throw e;
    }
  }

  /** An offline session (never pulls) whose notices are collected. */
  public static Session session(Engine engine, List<String> notices) {
    String id = "t" + UUID.randomUUID().toString().substring(0, 7);
    Session s =
        new Session(
            engine,
            new SessionConfig(
                id, true, ProcessHandle.current().pid(), "", notices::add, Duration.ofSeconds(20)));
    Lab.bind(s);
    return s;
  }

  public static Session session(Engine engine) {
    return session(engine, new ArrayList<>());
  }

  /** A short random suffix so parallel runs on one daemon never clash on names. */
  public static String unique(String name) {
    return name + "_" + UUID.randomUUID().toString().substring(0, 6);
  }
}
