package netbook.testing;

import java.time.Duration;
import java.util.Optional;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.docker.DockerEngines;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one place that decides what an integration test does without the real Docker daemon: it is
 * skipped (an aborted assumption, with the reason), or, when NETBOOK_REQUIRE_DOCKER=1 (as CI sets),
 * it fails with one clear line. Used through {@link RequiresDocker}; tests that need Docker for
 * only one of their engines call {@link #connect()} where they need it.
 *
 * <p>Whether a daemon answers is asked once per test run, and decided before each test (so that
 * without a daemon every test of an annotated class counts as skipped, one by one). Each {@link
 * Engine} parameter of a test or {@code @BeforeEach} method then gets a connection of its own,
 * which the extension closes when the test ends. (Not for {@code @BeforeAll} methods: they run
 * before the decision, so a missing daemon would fail them.)
 */
public final class RealDockerExtension implements BeforeEachCallback, ParameterResolver {
  /** The environment variable that turns a missing daemon (or lab image) into a failure. */
  public static final String REQUIRE_DOCKER = "NETBOOK_REQUIRE_DOCKER";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(RealDockerExtension.class);

  /** Whether a daemon answered the first time this run asked: empty when it did, else why not. */
  private record Probe(Optional<String> problem) {}

  @Override
  public void beforeEach(ExtensionContext context) {
    requireDaemon(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Engine.class;
  }

  @Override
  public Engine resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Engine engine = connect();
    // closed with the test's context, after its @AfterEach methods
    context.getStore(NS).put(new Object(), engine);
    return engine;
  }

  /**
   * A new connection to the real Docker daemon (the caller closes it). Without a daemon the calling
   * test is skipped, or fails when NETBOOK_REQUIRE_DOCKER=1.
   */
  public static Engine connect() {
    try {
      return DockerEngines.connect((String) null, CONNECT_TIMEOUT);
    } catch (EngineException e) {
      throw unavailable("no Docker daemon answers: " + e.getMessage());
    }
  }

  /**
   * The lab images a test needs on the real daemon (tests never pull): a missing one skips the
   * test, or fails it when NETBOOK_REQUIRE_DOCKER=1.
   */
  public static void requireImages(Engine engine, String... images) {
    for (String image : images) {
      if (engine.findImage(image).isEmpty()) {
        throw unavailable("image " + image + " is missing: run bin/lab-images");
      }
    }
  }

  private static void requireDaemon(ExtensionContext context) {
    Probe probe =
        context.getRoot().getStore(NS).getOrComputeIfAbsent(Probe.class, k -> probe(), Probe.class);
    if (probe.problem().isPresent()) {
      throw unavailable(probe.problem().get());
    }
  }

  private static Probe probe() {
    try {
      DockerEngines.connect((String) null, CONNECT_TIMEOUT).close();
      return new Probe(Optional.empty());
    } catch (EngineException e) {
      return new Probe(Optional.of("no Docker daemon answers: " + e.getMessage()));
    }
  }

  /** Skips the calling test, or fails it when NETBOOK_REQUIRE_DOCKER=1; never returns. */
  private static RuntimeException unavailable(String problem) {
    if ("1".equals(System.getenv(REQUIRE_DOCKER))) {
      Assertions.fail(REQUIRE_DOCKER + "=1 but " + problem);
    }
    Assumptions.abort(problem + " (" + REQUIRE_DOCKER + "=1 makes this a failure)");
    throw new AssertionError("unreachable");
  }
}
