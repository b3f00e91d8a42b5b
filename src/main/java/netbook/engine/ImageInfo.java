package netbook.engine;

import java.time.Instant;
import java.util.List;

/** An image the engine holds locally. */
public record ImageInfo(String id, List<String> tags, long size, Instant created) {
  public ImageInfo {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** The id without its {@code sha256:} prefix, cut to 12 as {@code docker images} shows it. */
  public String shortId() {
    String hex = id.startsWith("sha256:") ? id.substring(7) : id;
    return hex.length() > 12 ? hex.substring(0, 12) : hex;
  }

  @Override
  public String toString() {
    return "image " + (tags.isEmpty() ? shortId() : String.join(", ", tags));
  }
}
