package netbook.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import netbook.engine.EngineException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The order a start takes: JShell first, the engine once JShell is ready or as soon as needed. */
class WorkspaceTest {
  private final CountDownLatch shellMayFinish = new CountDownLatch(1);
  private final CountDownLatch engineOpening = new CountDownLatch(1);
  private ShellFixture fixture;
  private Workspace session;

  @BeforeEach
  void start() {
    fixture = new ShellFixture();
    // a JShell that is ready only when the test says so, an engine that records its opening
    session =
        Workspace.starting(
            () -> {
              engineOpening.countDown();
              throw new EngineException(EngineException.UNREACHABLE, "none here");
            },
            () -> {
              await(shellMayFinish);
              return fixture.newShell();
            });
    session.begin();
  }

  @AfterEach
  void stop() {
    shellMayFinish.countDown();
    session.close();
    fixture.close();
  }

  @Test
  void theEngineOpensOnceJShellIsReadyNotBefore() throws Exception {
    assertThat(engineOpening.await(300, TimeUnit.MILLISECONDS)).isFalse();
    shellMayFinish.countDown();
    assertThat(engineOpening.await(60, TimeUnit.SECONDS)).isTrue();
    session.awaitEngineSettled();
    assertThat(session.engineError()).contains("none here");
  }

  @Test
  void anInputThatNeedsTheEngineOpensItAtOnce() throws Exception {
    session.awaitEngineSettled(); // a docker command typed before JShell is ready
    assertThat(engineOpening.getCount()).isZero();
    assertThat(session.engineError()).contains("none here");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
