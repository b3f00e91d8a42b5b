package netbook.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import netbook.NetbookException;

/**
 * Reads and writes JSON the way the docker CLI shows it: {@link #indented} is Go's json.Indent with
 * four spaces ({@code "Key": value}, empty containers as {@code {}} and {@code []}); {@link
 * #compact} is Go's json.Marshal (no spaces, {@code <>&} escaped as {@code \u003c} and so on).
 */
public final class JsonText {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonText() {}

  /** The parsed tree; one clear line when the engine sent something that is not JSON. */
  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new NetbookException(
          "the engine answered with invalid JSON: " + e.getOriginalMessage());
    }
  }

  /** {@code n} in docker's four-space layout, its first line not indented, {@code depth} deep. */
  public static String indented(JsonNode n, int depth) {
    StringBuilder sb = new StringBuilder();
    write(sb, n, depth);
    return sb.toString();
  }

  /** {@code n} on one line, as Go's json.Marshal writes it (what {@code {{json .X}}} prints). */
  public static String compact(JsonNode n) {
    return n.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
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
