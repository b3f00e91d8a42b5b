package netbook.engine;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the stream of a pull (the Engine API's lines: a layer id, a status such as "Pulling fs
 * layer", "Downloading", "Extracting", "Pull complete", "Already exists", and a current/total
 * progress detail) into {@link PullProgress} in total, handed to a consumer after each line. An
 * engine adapter feeds it; it knows no client library. Lines that come after {@link #finish} (a
 * stream closed by a cancel still delivering) are ignored.
 */
public final class PullTracker {
  private enum State {
    WAITING,
    DOWNLOADING,
    DOWNLOADED,
    EXTRACTING,
    COMPLETE,
    EXISTS
  }

  private static final class Layer {
    State state = State.WAITING;
    long current;
    long total = -1;
  }

  private final String ref;
  private final Consumer<PullProgress> sink;
  private final Map<String, Layer> layers = new LinkedHashMap<>();
  private String status = "";
  private boolean finished;
  private PullProgress last;

  public PullTracker(String ref, Consumer<PullProgress> sink) {
    this.ref = ref;
    this.sink = sink;
    this.last = PullProgress.starting(ref);
  }

  /** Reports the start: "pulling ubuntu …". */
  public synchronized void start() {
    sink.accept(last);
  }

  /**
   * One line of the stream. {@code id} is the layer (or the tag, or null for image-wide lines);
   * {@code current} and {@code total} may be null (unknown).
   */
  public synchronized void line(String id, String status, Long current, Long total) {
    if (finished || status == null) {
      return;
    }
    if (!isLayerLine(id, status)) {
      this.status = status;
      return;
    }
    Layer l = layers.computeIfAbsent(id, k -> new Layer());
    String s = status.toLowerCase(Locale.ROOT);
    if (s.startsWith("downloading")) {
      l.state = State.DOWNLOADING;
      if (total != null && total > 0) {
        l.total = total;
      }
      if (current != null && current >= 0) {
        l.current = l.total > 0 ? Math.min(current, l.total) : current;
      }
    } else if (s.startsWith("verifying") || s.startsWith("download complete")) {
      l.state = State.DOWNLOADED;
      downloaded(l);
    } else if (s.startsWith("extracting")) {
      l.state = State.EXTRACTING;
      downloaded(l);
      if (l.total < 0 && total != null && total > 0) {
        l.total = total; // (a stream that skipped Downloading: the blob's size)
        l.current = total;
      }
    } else if (s.startsWith("pull complete")) {
      l.state = State.COMPLETE;
      downloaded(l);
    } else if (s.startsWith("already exists")) {
      l.state = State.EXISTS;
    }
    // "Pulling fs layer", "Waiting", "Retrying in …": the layer is known, nothing more
    last = snapshot(phase());
    sink.accept(last);
  }

  /** Ends the pull with {@code phase} (done, failed, cancelled), reports it, and returns it. */
  public synchronized PullProgress finish(PullProgress.Phase phase) {
    if (!finished) {
      finished = true;
      if (phase == PullProgress.Phase.DONE) {
        for (Layer l : layers.values()) {
          if (l.state != State.EXISTS) {
            l.state = State.COMPLETE;
            downloaded(l);
          }
        }
      }
      last = snapshot(phase);
      sink.accept(last);
    }
    return last;
  }

  /** Reports nothing more (a failed or cancelled pull: its caller says how it ended). */
  public synchronized void close() {
    finished = true;
  }

  /** The last progress reported. */
  public synchronized PullProgress last() {
    return last;
  }

  private static void downloaded(Layer l) {
    if (l.total > 0) {
      l.current = l.total;
    } else if (l.current > 0) {
      l.total = l.current;
    }
  }

  /** Image-wide lines: no id, the tag's "Pulling from …", "Digest: …", "Status: …". */
  private static boolean isLayerLine(String id, String status) {
    return id != null
        && !id.isEmpty()
        && !status.startsWith("Pulling from")
        && !status.startsWith("Digest:")
        && !status.startsWith("Status:");
  }

  private PullProgress.Phase phase() {
    boolean any = false;
    for (Layer l : layers.values()) {
      if (l.state == State.WAITING || l.state == State.DOWNLOADING) {
        return PullProgress.Phase.DOWNLOADING;
      }
      any |= l.state == State.DOWNLOADED || l.state == State.EXTRACTING;
    }
    return any ? PullProgress.Phase.EXTRACTING : PullProgress.Phase.DOWNLOADING;
  }

  private PullProgress snapshot(PullProgress.Phase phase) {
    int done = 0;
    int existing = 0;
    long bytesDone = 0;
    long bytesTotal = 0;
    boolean totalKnown = true;
    for (Layer l : layers.values()) {
      if (l.state == State.EXISTS) {
        existing++;
        done++;
        continue;
      }
      if (l.state == State.COMPLETE) {
        done++;
      }
      bytesDone += l.current;
      if (l.total > 0) {
        bytesTotal += l.total;
      } else {
        totalKnown = false;
      }
    }
    return new PullProgress(
        ref, phase, done, layers.size(), existing, bytesDone, totalKnown ? bytesTotal : -1, status);
  }
}
