package netbook.render;

import java.util.List;
import java.util.Optional;
import org.jline.utils.AttributedString;

/**
 * What the renderer shows for an image that stands on its own (a paragraph of its own, or an HTML
 * {@code <img>} block): lines to draw instead of the placeholder, or empty for the placeholder
 * {@code [image: alt (path)]}. The topology feature plugs in here to draw {@code ![topology](live)}
 * as a live diagram.
 */
@FunctionalInterface
public interface ImageHook {
  ImageHook PLACEHOLDER = (alt, src, width) -> Optional.empty();

  Optional<List<AttributedString>> render(String alt, String src, int width);
}
