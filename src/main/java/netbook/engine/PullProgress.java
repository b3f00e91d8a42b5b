package netbook.engine;

import java.util.Locale;

/**
 * Where a pull stands, as the docker CLI shows it in total: layers done of those seen, bytes
 * downloaded of the layers' sizes, and the phase. {@code bytesTotal} is -1 while a layer still to
 * download has not said its size (then there is no percent). Layers the engine already had count as
 * done ({@code layersExisting} of them). {@code status} is the last image-wide line the engine said
 * ({@code Digest: sha256:…}, {@code Status: Downloaded newer image for ubuntu:latest}), or "".
 */
public record PullProgress(
    String ref,
    Phase phase,
    int layersDone,
    int layersTotal,
    int layersExisting,
    long bytesDone,
    long bytesTotal,
    String status) {

  /** What the pull is doing. */
  public enum Phase {
    /** Asked for; nothing heard yet. */
    STARTING,
    DOWNLOADING,
    /** Every layer is down; some are still being unpacked. */
    EXTRACTING,
    DONE,
    FAILED,
    /** Stopped by the user (Ctrl-C). */
    CANCELLED
  }

  public PullProgress {
    status = status == null ? "" : status;
  }

  /** A pull that has just begun. */
  public static PullProgress starting(String ref) {
    return new PullProgress(ref, Phase.STARTING, 0, 0, 0, 0, -1, "");
  }

  public PullProgress withPhase(Phase p) {
    return new PullProgress(
        ref, p, layersDone, layersTotal, layersExisting, bytesDone, bytesTotal, status);
  }

  /** Whether the pull has ended (done, failed or cancelled). */
  public boolean ended() {
    return phase == Phase.DONE || phase == Phase.FAILED || phase == Phase.CANCELLED;
  }

  /** The percent of the bytes downloaded, or -1 when the total is not known yet. */
  public int percent() {
    if (bytesTotal <= 0) {
      return -1;
    }
    return (int) Math.min(100, 100 * bytesDone / bytesTotal);
  }

  /** The bytes as the docker CLI writes sizes (decimal units): 12.3 MB, 840 kB, 0 B. */
  public static String size(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double v = bytes;
    int u = -1;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
  }

  /** The bytes part: "12.3 MB / 29.7 MB (41%)", or "12.3 MB" while the total is unknown. */
  public String bytes() {
    int p = percent();
    return p < 0 ? size(bytesDone) : size(bytesDone) + " / " + size(bytesTotal) + " (" + p + "%)";
  }

  /** As the status line shows it: "ubuntu: 3/5 layers, 12.3 MB / 29.7 MB (41%)". */
  @Override
  public String toString() {
    return switch (phase) {
      case STARTING -> "pulling " + ref + " …";
      case FAILED -> "pull of " + ref + " failed";
      case CANCELLED -> "pull of " + ref + " cancelled";
      default -> {
        StringBuilder sb = new StringBuilder(ref).append(": ");
        if (layersTotal > 0) {
          sb.append(layersDone).append('/').append(layersTotal).append(" layers, ");
        }
        sb.append(bytes());
        if (phase == Phase.EXTRACTING) {
          sb.append(", extracting");
        }
        yield sb.toString();
      }
    };
  }
}
