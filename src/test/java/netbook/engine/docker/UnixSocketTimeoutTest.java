package netbook.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import netbook.engine.EngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon on a unix socket that accepts and never answers: the same timeouts as on TCP. Before
 * DeadlineHttpClient, docker-java's zerodep transport blocked here for good (its unix socket's
 * reads ignore SO_TIMEOUT). The bounds are the product's own timeout plus a margin.
 */
class UnixSocketTimeoutTest {
  private static final Duration BOUND = DockerEngines.RESPONSE_TIMEOUT.plusSeconds(2);

  @TempDir Path tmp;

  @Test
  void aSocketThatAcceptsAndNeverAnswersEndsTheStartWithOneClearLine() throws Exception {
    try (FakeDaemon d = new FakeDaemon(tmp.resolve("hung.sock"), FakeDaemon.Mode.HANG)) {
      long t0 = System.nanoTime();
      EngineException x =
          catchThrowableOfType(
              EngineException.class, () -> DockerEngines.connect(d.host(), Duration.ofSeconds(2)));
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      assertThat(took).isLessThan(BOUND).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
      assertThat(x.getMessage())
          .isEqualTo(
              "the Docker engine at "
                  + d.host()
                  + " accepts connections but did not answer within 8 s: it is stuck or"
                  + " overloaded; restart it (sudo systemctl restart docker)");
      assertThat(d.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void aDaemonThatFreezesMidSessionEndsTheCallWithinTenSeconds() throws Exception {
    try (FakeDaemon d = new FakeDaemon(tmp.resolve("d.sock"), FakeDaemon.Mode.ANSWER);
        DockerEngine e = DockerEngines.connect(d.host(), Duration.ofSeconds(2))) {
      assertThat(e.networks()).isEmpty();
      d.mode(FakeDaemon.Mode.HANG);
      long t0 = System.nanoTime();
      EngineException x = catchThrowableOfType(EngineException.class, () -> e.networks());
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
      assertThat(x.status()).isEqualTo(EngineException.TIMEOUT);
      assertThat(x.getMessage())
          .isEqualTo(
              "the Docker engine at "
                  + d.host()
                  + " stopped answering (list networks: no answer within 8 s)");
      // the interrupt that ended the wait is not left on the caller's thread
      assertThat(Thread.currentThread().isInterrupted()).isFalse();
      d.mode(FakeDaemon.Mode.ANSWER); // and the next call works again, on a new connection
      assertThat(e.networks()).isEmpty();
    }
  }

  @Test
  void aSocketNobodyListensOnAndOneThatIsMissingAreSaidAtOnce() throws Exception {
    Path stale = tmp.resolve("stale.sock");
    new FakeDaemon(stale, FakeDaemon.Mode.ANSWER).closeKeepingFile();
    long t0 = System.nanoTime();
    EngineException refused =
        catchThrowableOfType(
            EngineException.class,
            () -> DockerEngines.connect("unix://" + stale, Duration.ofSeconds(2)));
    EngineException missing =
        catchThrowableOfType(
            EngineException.class,
            () ->
                DockerEngines.connect("unix://" + tmp.resolve("none.sock"), Duration.ofSeconds(2)));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    assertThat(refused.getMessage())
        .isEqualTo("no Docker engine at unix://" + stale + " (connection refused)");
    assertThat(missing.getMessage())
        .isEqualTo("no Docker engine at unix://" + tmp.resolve("none.sock") + " (no such socket)");
  }
}
