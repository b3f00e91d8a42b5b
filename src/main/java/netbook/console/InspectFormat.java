package netbook.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import netbook.json.GoTemplate;

/** What {@code docker inspect} prints: the JSON array, or each object through {@code -f}. */
final class InspectFormat {
  private InspectFormat() {}

  /** The parsed {@code -f} template, empty when none was given (checked before any lookup). */
  static Optional<GoTemplate> template(String format) {
    return format == null || format.isEmpty()
        ? Optional.empty()
        : Optional.of(GoTemplate.parse(format));
  }

  /** The JSON array, or one template output per object, each ending with a newline as docker's. */
  static String print(List<JsonNode> found, Optional<GoTemplate> template) {
    if (template.isEmpty()) {
      return JsonFormat.array(found);
    }
    StringBuilder sb = new StringBuilder();
    for (JsonNode n : found) {
      sb.append(template.get().execute(n)).append('\n');
    }
    return sb.toString();
  }
}
