package netbook.engine.embedded.model;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An image the embedded engine knows: its repository, tag and id, and what a container of it does
 * when started with the image's own command ({@code web} images serve a welcome page on port 80).
 */
public record ImageRecord(
    String repository, String tag, String id, Instant created, Contents contents) {

  /**
   * What an image can do: a full busybox, nginx, netbook's busybox-httpd web image, sleep and cat
   * only, or a Docker node.
   */
  public enum Kind {
    TOOLBOX,
    NGINX,
    LAB_WEB,
    BARE,
    /** netbook/node: a Docker node (dockerd) whose published port 2375 serves an engine. */
    NODE
  }

  /** What is inside an image: its size, its own command and environment, and what it can do. */
  public record Contents(long size, List<String> cmd, List<String> env, Kind kind) {
    public Contents {
      cmd = List.copyOf(cmd);
      env = List.copyOf(env);
    }
  }

  public long size() {
    return contents.size();
  }

  public List<String> cmd() {
    return contents.cmd();
  }

  public List<String> env() {
    return contents.env();
  }

  public Kind kind() {
    return contents.kind();
  }

  /** Whether the image's own command serves a page on port 80. */
  public boolean web() {
    return kind() == Kind.NGINX || kind() == Kind.LAB_WEB;
  }

  /** Whether the image has only sleep and cat (no shell, no network tools). */
  public boolean bare() {
    return kind() == Kind.BARE;
  }

  public String reference() {
    return repository + ":" + tag;
  }

  @Override
  public String toString() {
    return "image " + reference() + " (" + kind().name().toLowerCase(Locale.ROOT) + ")";
  }
}
