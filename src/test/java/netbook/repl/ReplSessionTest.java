package netbook.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import netbook.engine.EngineException;
import org.junit.jupiter.api.Test;

/** The order a start takes: JShell first, the engine once JShell is ready or as soon as needed. */
class ReplSessionTest {
  @Test
  void theEngineOpensOnceJShellIsReadyNotBefore() throws Exception {
    try (ShellFixture fixture = new ShellFixture()) {
      CountDownLatch shellMayFinish = new CountDownLatch(1);
      CountDownLatch engineOpening = new CountDownLatch(1);
      ReplSession s =
          ReplSession.starting(
              () -> {
                engineOpening.countDown();
                throw new EngineException(EngineException.UNREACHABLE, "none here");
              },
              () -> {
                await(shellMayFinish);
                return fixture.newShell();
              });
      s.begin();
      assertThat(engineOpening.await(300, TimeUnit.MILLISECONDS)).isFalse();
      shellMayFinish.countDown();
      assertThat(engineOpening.await(60, TimeUnit.SECONDS)).isTrue();
      s.awaitEngineSettled();
      assertThat(s.engineError()).contains("none here");
      s.close();
    }
  }

  @Test
  void anInputThatNeedsTheEngineOpensItAtOnce() throws Exception {
    try (ShellFixture fixture = new ShellFixture()) {
      CountDownLatch shellMayFinish = new CountDownLatch(1);
      CountDownLatch engineOpening = new CountDownLatch(1);
      ReplSession s =
          ReplSession.starting(
              () -> {
                engineOpening.countDown();
                throw new EngineException(EngineException.UNREACHABLE, "none here");
              },
              () -> {
                await(shellMayFinish);
                return fixture.newShell();
              });
      s.begin();
      s.awaitEngineSettled(); // a docker command typed before JShell is ready
      assertThat(engineOpening.getCount()).isZero();
      assertThat(s.engineError()).contains("none here");
      shellMayFinish.countDown();
      s.close();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
