package netbook.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import netbook.engine.Engine;
import netbook.lab.Session;
import netbook.lab.SessionConfig;

/**
 * Sessions and names for tests on the real Docker engine (which {@link RequiresDocker} connects
 * to).
 */
public final class RealDocker {
  private RealDocker() {}

  /** An offline session (never pulls) whose notices are collected. */
  public static Session session(Engine engine, List<String> notices) {
    String id = "t" + UUID.randomUUID().toString().substring(0, 7);
    Session s =
        new Session(
            engine,
            new SessionConfig(
                id, true, ProcessHandle.current().pid(), "", notices::add, Duration.ofSeconds(20)));
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
