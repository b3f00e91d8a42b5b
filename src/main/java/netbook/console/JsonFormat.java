package netbook.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import netbook.NetbookException;

/**
 * Prints JSON the way the docker CLI's {@code inspect} does (Go's json.Indent with four spaces):
 * {@code "Key": value}, empty containers as {@code {}} and {@code []}, a top-level array.
 */
final class JsonFormat {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonFormat() {}

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new NetbookException(
          "the engine answered with invalid JSON: " + e.getOriginalMessage());
    }
  }

  /** {@code [ obj, obj ]} in docker's layout, ending with a newline. */
  static String array(List<JsonNode> nodes) {
    StringBuilder sb = new StringBuilder();
    if (nodes.isEmpty()) {
      return "[]\n";
    }
    sb.append("[\n");
    for (int i = 0; i < nodes.size(); i++) {
      sb.append("    ");
      write(sb, nodes.get(i), 1);
      sb.append(i < nodes.size() - 1 ? ",\n" : "\n");
    }
    return sb.append("]\n").toString();
  }

  private static void write(StringBuilder sb, JsonNode n, int depth) {
    String pad = "    ".repeat(depth + 1);
    String close = "    ".repeat(depth);
    if (n.isObject()) {
      if (n.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append("{\n");
      Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        sb.append(pad).append(quote(e.getKey())).append(": ");
        write(sb, e.getValue(), depth + 1);
        sb.append(it.hasNext() ? ",\n" : "\n");
      }
      sb.append(close).append('}');
    } else if (n.isArray()) {
      if (n.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append("[\n");
      for (int i = 0; i < n.size(); i++) {
        sb.append(pad);
        write(sb, n.get(i), depth + 1);
        sb.append(i < n.size() - 1 ? ",\n" : "\n");
      }
      sb.append(close).append(']');
    } else {
      sb.append(n.toString());
    }
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new NetbookException("cannot write a JSON key: " + e.getOriginalMessage());
    }
  }
}
