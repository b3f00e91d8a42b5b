package netbook.console;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import netbook.engine.Engine;
import netbook.lab.Session;
import netbook.lab.SessionConfig;
import netbook.testing.RealDockerExtension;

/**
 * Sessions and names for the console's integration tests (the real daemon comes from {@link
 * RealDockerExtension}).
 */
final class LiveEngines {
  private LiveEngines() {}

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
