package netbook.engine.embedded.model;

import java.time.Instant;
import java.util.List;

/**
 * An image the embedded engine knows: its repository, tag and id, and what a container of it does
 * when started with the image's own command ({@code web} images serve a welcome page on port 80).
 */
record ImageRecord(
    String repository,
    String tag,
    String id,
    long size,
    Instant created,
    List<String> cmd,
    List<String> env,
    Kind kind) {

  /**
   * What an image can do: a full busybox, nginx, netbook's busybox-httpd web image, or sleep and
   * cat only.
   */
  enum Kind {
    TOOLBOX,
    NGINX,
    LAB_WEB,
    BARE
  }

  ImageRecord {
    cmd = List.copyOf(cmd);
    env = List.copyOf(env);
  }

  /** Whether the image's own command serves a page on port 80. */
  boolean web() {
    return kind == Kind.NGINX || kind == Kind.LAB_WEB;
  }

  /** Whether the image has only sleep and cat (no shell, no network tools). */
  boolean bare() {
    return kind == Kind.BARE;
  }

  String reference() {
    return repository + ":" + tag;
  }

  @Override
  public String toString() {
    return "image " + reference() + " (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ")";
  }
}
