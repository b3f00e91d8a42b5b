package netbook.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pull's stream lines (as the Engine API sends them) summed up as the docker CLI would. */
class PullTrackerTest {
  final List<PullProgress> seen = new ArrayList<>();
  final PullTracker t = new PullTracker("ubuntu", seen::add);

  PullProgress last() {
    return seen.get(seen.size() - 1);
  }

  @Test
  void severalLayersOneAlreadyHereSummedInTotal() {
    t.start();
    assertThat(last().toString()).isEqualTo("pulling ubuntu …");
    t.line("latest", "Pulling from library/ubuntu", null, null);
    t.line("aaa", "Already exists", null, null);
    t.line("bbb", "Pulling fs layer", null, null);
    t.line("ccc", "Pulling fs layer", null, null);
    t.line("bbb", "Downloading", 1_000_000L, 20_000_000L);
    // ccc's size is not known yet: no total, no percent
    assertThat(last().toString()).isEqualTo("ubuntu: 1/3 layers, 1.0 MB");
    assertThat(last().percent()).isEqualTo(-1);
    t.line("ccc", "Downloading", 500_000L, 9_700_000L);
    assertThat(last().toString()).isEqualTo("ubuntu: 1/3 layers, 1.5 MB / 29.7 MB (5%)");
    t.line("bbb", "Downloading", 12_000_000L, 20_000_000L);
    assertThat(last().bytesDone()).isEqualTo(12_500_000L);
    assertThat(last().phase()).isEqualTo(PullProgress.Phase.DOWNLOADING);
    t.line("ccc", "Verifying Checksum", null, null);
    t.line("ccc", "Download complete", null, null);
    assertThat(last().toString()).isEqualTo("ubuntu: 1/3 layers, 21.7 MB / 29.7 MB (73%)");
    t.line("bbb", "Download complete", null, null);
    t.line("bbb", "Extracting", 32_768L, 20_000_000L);
    assertThat(last().phase()).isEqualTo(PullProgress.Phase.EXTRACTING);
    assertThat(last().toString())
        .isEqualTo("ubuntu: 1/3 layers, 29.7 MB / 29.7 MB (100%), extracting");
    t.line("bbb", "Pull complete", null, null);
    t.line("ccc", "Extracting", 9_700_000L, 9_700_000L);
    t.line("ccc", "Pull complete", null, null);
    assertThat(last().layersDone()).isEqualTo(3);
    t.line(null, "Digest: sha256:0123", null, null);
    t.line(null, "Status: Downloaded newer image for ubuntu:latest", null, null);
    PullProgress done = t.finish(PullProgress.Phase.DONE);
    assertThat(done)
        .isEqualTo(
            new PullProgress(
                "ubuntu",
                PullProgress.Phase.DONE,
                3,
                3,
                1,
                29_700_000L,
                29_700_000L,
                "Status: Downloaded newer image for ubuntu:latest"));
    assertThat(done.toString()).isEqualTo("ubuntu: 3/3 layers, 29.7 MB / 29.7 MB (100%)");
  }

  @Test
  void unknownTotalsGiveBytesWithoutPercent() {
    t.line("aaa", "Downloading", 4_200L, null);
    t.line("aaa", "Downloading", 840_000L, -1L);
    assertThat(last().bytesTotal()).isEqualTo(-1);
    assertThat(last().toString()).isEqualTo("ubuntu: 0/1 layers, 840 kB");
    t.line("aaa", "Pull complete", null, null);
    // once down, what came is its size
    assertThat(last().toString()).isEqualTo("ubuntu: 1/1 layers, 840 kB / 840 kB (100%)");
  }

  @Test
  void everyLayerHereAlreadyIsNothingToDownload() {
    t.line("aaa", "Already exists", null, null);
    t.line("bbb", "Already exists", null, null);
    PullProgress done = t.finish(PullProgress.Phase.DONE);
    assertThat(done.layersExisting()).isEqualTo(2);
    assertThat(done.bytesDone()).isZero();
    assertThat(done.toString()).isEqualTo("ubuntu: 2/2 layers, 0 B");
  }

  @Test
  void noLayersAtAllIsAnEngineThatHadIt() {
    t.line("latest", "Pulling from library/ubuntu", null, null);
    t.line(null, "Status: Image is up to date for ubuntu:latest", null, null);
    assertThat(seen).isEmpty(); // image-wide lines are kept, not reported
    PullProgress done = t.finish(PullProgress.Phase.DONE);
    assertThat(done.layersTotal()).isZero();
    assertThat(done.status()).isEqualTo("Status: Image is up to date for ubuntu:latest");
  }

  @Test
  void aClosedStreamsLateLinesAreIgnoredAndEndsComeOnce() {
    t.line("aaa", "Downloading", 10L, 100L);
    t.close();
    t.line("aaa", "Downloading", 90L, 100L);
    t.finish(PullProgress.Phase.DONE);
    assertThat(seen).hasSize(1);
    PullTracker u = new PullTracker("x", seen::add);
    u.finish(PullProgress.Phase.DONE);
    u.finish(PullProgress.Phase.FAILED);
    assertThat(seen).hasSize(2);
  }

  @Test
  void sizesAsTheDockerCliWritesThem() {
    assertThat(PullProgress.size(0)).isEqualTo("0 B");
    assertThat(PullProgress.size(999)).isEqualTo("999 B");
    assertThat(PullProgress.size(12_345)).isEqualTo("12.3 kB");
    assertThat(PullProgress.size(187_694_648)).isEqualTo("188 MB");
    assertThat(PullProgress.size(2_500_000_000L)).isEqualTo("2.5 GB");
    assertThat(PullProgress.starting("nginx").withPhase(PullProgress.Phase.CANCELLED))
        .hasToString("pull of nginx cancelled");
  }
}
