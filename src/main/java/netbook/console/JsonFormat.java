package netbook.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import netbook.json.JsonText;

/**
 * Prints JSON the way the docker CLI's {@code inspect} does (Go's json.Indent with four spaces):
 * {@code "Key": value}, empty containers as {@code {}} and {@code []}, a top-level array.
 */
final class JsonFormat {
  private JsonFormat() {}

  static JsonNode parse(String json) {
    return JsonText.parse(json);
  }

  /** {@code [ obj, obj ]} in docker's layout, ending with a newline. */
  static String array(List<JsonNode> nodes) {
    if (nodes.isEmpty()) {
      return "[]\n";
    }
    StringBuilder sb = new StringBuilder("[\n");
    for (int i = 0; i < nodes.size(); i++) {
      sb.append("    ").append(JsonText.indented(nodes.get(i), 1));
      sb.append(i < nodes.size() - 1 ? ",\n" : "\n");
    }
    return sb.append("]\n").toString();
  }
}
