package netbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.Set;
import netbook.engine.Engine;
import netbook.engine.docker.DockerEngines;
import netbook.lab.CleanupReport;
import netbook.lab.Lab;
import netbook.lab.Session;
import netbook.lab.SessionConfig;
import org.junit.jupiter.api.Test;

/**
 * A termination's cleanup when the session's own connection is broken (the process ending around it
 * shut docker-java's connection pool): it runs again on a new connection.
 */
class LifecycleTest {
  private final Lifecycle life =
      new Lifecycle(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

  @Test
  void aCleanupWhoseConnectionBrokeRunsAgainOnANewOne() {
    try (Engine real = DockerEngines.embedded(OptionalLong.of(1))) {
      Session made = session(real);
      Lab.within(made, () -> Lab.run("ubuntu", Lab.name("lct_box")));
      Session s = session(broken(real, Set.of("containers", "networks")));
      life.session(s, false, () -> broken(real, Set.of()));

      Object r = life.cleanUp(s);

      assertThat(r).isInstanceOf(CleanupReport.class);
      assertThat(r.toString()).startsWith("removed 1 container (lct_box)");
      assertThat(real.findContainer("lct_box")).isEmpty();
    }
  }

  @Test
  void withNoNewConnectionTheFirstFailureIsTheAnswer() {
    try (Engine real = DockerEngines.embedded(OptionalLong.of(1))) {
      Session s = session(broken(real, Set.of("containers")));
      life.session(s, false);
      Object r = life.cleanUp(s);
      assertThat(r).isInstanceOf(IllegalStateException.class);
      assertThat(((Exception) r).getMessage()).isEqualTo("Connection pool shut down");
    }
  }

  private static Session session(Engine e) {
    return new Session(
        e, new SessionConfig("lct", true, ProcessHandle.current().pid(), "", l -> {}, null));
  }

  /** {@code real}, but the calls named fail as a shut-down pool does, and close does nothing. */
  private static Engine broken(Engine real, Set<String> failing) {
    return (Engine)
        Proxy.newProxyInstance(
            Engine.class.getClassLoader(),
            new Class<?>[] {Engine.class},
            (proxy, m, args) -> {
              if (failing.contains(m.getName())) {
                throw new IllegalStateException("Connection pool shut down");
              }
              if (m.getName().equals("close")) {
                return null;
              }
              try {
                return m.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
