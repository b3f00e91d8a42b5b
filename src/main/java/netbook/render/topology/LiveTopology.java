package netbook.render.topology;

import java.util.Locale;
import netbook.engine.Engine;

/**
 * The notebook convention for live network pictures. An image in a chapter's prose is a live
 * topology picture when its destination is {@code live} — {@code ![topology](live)} — or when its
 * title is {@code live}, which keeps a real image for GitHub to show: {@code
 * ![my_bridge](images/08.png "live")}. The notebook renderer draws the network as it is at that
 * point in the run instead of the image.
 */
public final class LiveTopology {
  private LiveTopology() {}

  /**
   * Whether a Markdown image (alt text, destination, title; nulls allowed) asks for the drawing.
   */
  public static boolean isLivePicture(String alt, String destination, String title) {
    String dest = destination == null ? "" : destination.strip().toLowerCase(Locale.ROOT);
    String t = title == null ? "" : title.strip().toLowerCase(Locale.ROOT);
    return dest.equals("live") || dest.equals("netbook:topology") || t.equals("live");
  }

  /** The drawing of the engine's network now, for a terminal of that width. */
  public static String drawing(Engine engine, int width, boolean unicode) {
    return new TerminalDiagram(width, unicode).draw(Topology.snapshot(engine));
  }
}
