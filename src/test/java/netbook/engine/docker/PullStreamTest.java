package netbook.engine.docker;

import static netbook.testing.FakePullDaemon.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import netbook.engine.EngineException;
import netbook.engine.PullProgress;
import netbook.testing.FakePullDaemon;
import org.junit.jupiter.api.Test;

/**
 * A pull through docker-java's own stream parsing, answered by a loopback stand-in with recorded
 * Engine API lines: the progress in total arrives line by line, and an interrupt closes the stream.
 */
class PullStreamTest {
  static final Duration T = Duration.ofSeconds(10);

  static final List<String> RECORDED =
      List.of(
          line("latest", "Pulling from netbook-test/thing", null, null),
          line("aaa111", "Already exists", null, null),
          line("bbb222", "Pulling fs layer", null, null),
          line("ccc333", "Pulling fs layer", null, null),
          line("bbb222", "Downloading", 1_000_000L, 2_000_000L),
          line("ccc333", "Downloading", 100L, null),
          line("bbb222", "Download complete", null, null),
          line("bbb222", "Extracting", 2_000_000L, 2_000_000L),
          line("bbb222", "Pull complete", null, null),
          line("ccc333", "Pull complete", null, null),
          line(null, "Digest: sha256:abc", null, null),
          line(null, "Status: Downloaded newer image for 127.0.0.1:5999/thing:latest", null, null));

  @Test
  void progressArrivesInTotalAndEndsDone() throws Exception {
    try (FakePullDaemon d = new FakePullDaemon(RECORDED, false);
        DockerEngine e = DockerEngines.connect(d.host(), T)) {
      List<PullProgress> seen = new CopyOnWriteArrayList<>();
      e.pull("127.0.0.1:5999/thing:latest", seen::add, T);
      assertThat(seen.get(0).phase()).isEqualTo(PullProgress.Phase.STARTING);
      assertThat(seen)
          .extracting(PullProgress::toString)
          // ccc333 has said no size: no total, no percent
          .contains("127.0.0.1:5999/thing:latest: 1/3 layers, 1.0 MB")
          .contains("127.0.0.1:5999/thing:latest: 3/3 layers, 2.0 MB / 2.0 MB (100%)");
      PullProgress done = seen.get(seen.size() - 1);
      assertThat(done.phase()).isEqualTo(PullProgress.Phase.DONE);
      assertThat(done.layersDone()).isEqualTo(3);
      assertThat(done.layersExisting()).isEqualTo(1);
      assertThat(done.bytesDone()).isEqualTo(2_000_100L);
      assertThat(done.status())
          .isEqualTo("Status: Downloaded newer image for 127.0.0.1:5999/thing:latest");
    }
  }

  @Test
  void anInterruptClosesTheStreamAndCancelsThePull() throws Exception {
    try (FakePullDaemon d = new FakePullDaemon(RECORDED.subList(0, 6), true);
        DockerEngine e = DockerEngines.connect(d.host(), T)) {
      CountDownLatch downloading = new CountDownLatch(1);
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread puller =
          new Thread(
              () -> {
                try {
                  e.pull(
                      "127.0.0.1:5999/thing",
                      p -> {
                        if (p.bytesDone() > 0) {
                          downloading.countDown();
                        }
                      },
                      T);
                } catch (RuntimeException ex) {
                  thrown.set(ex);
                }
              },
              "test-puller");
      puller.start();
      assertThat(downloading.await(10, TimeUnit.SECONDS)).isTrue();
      long t0 = System.nanoTime();
      puller.interrupt();
      puller.join(5_000);
      assertThat(puller.isAlive()).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
      assertThat(thrown.get())
          .isInstanceOf(EngineException.class)
          .hasMessage("pull of 127.0.0.1:5999/thing cancelled");
      assertThat(((EngineException) thrown.get()).cancelled()).isTrue();
      assertThat(d.closed.await(5, TimeUnit.SECONDS)).as("the stream was closed").isTrue();
    }
  }
}
