package netbook.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import netbook.NetbookException;
import netbook.Spelling;

/**
 * A dotted way into inspect JSON: {@code NetworkSettings.Networks.bridge.IPAddress}, keys spelled
 * as in Docker's JSON, numbers for array items ({@code Mounts.0}). A key that is not there fails
 * with one line naming the keys available at that level (and the closest one, if any).
 */
public final class JsonPath {
  private JsonPath() {}

  /** The node at {@code path} in {@code root} (the root itself for an empty path). */
  public static JsonNode find(JsonNode root, String path) {
    JsonNode at = root;
    String where = "";
    for (String key : path.strip().isEmpty() ? new String[0] : path.strip().split("\\.", -1)) {
      JsonNode next = step(at, key);
      if (next == null) {
        throw new NetbookException(missing(at, key, where));
      }
      at = next;
      where = where.isEmpty() ? key : where + "." + key;
    }
    return at;
  }

  /** The node's text as inspect shows it: a string bare, anything else as indented JSON. */
  public static String show(JsonNode n) {
    return n.isTextual() ? n.textValue() : JsonText.indented(n, 0);
  }

  private static JsonNode step(JsonNode at, String key) {
    if (at.isObject()) {
      return at.get(key);
    }
    if (at.isArray() && key.matches("\\d{1,9}")) {
      return at.get(Integer.parseInt(key));
    }
    return null;
  }

  static String missing(JsonNode at, String key, String where) {
    String level = where.isEmpty() ? "the top level" : where;
    if (key.isEmpty()) {
      return "an empty key in the path after " + level + ": write keys as A.B.C";
    }
    if (at.isArray()) {
      return level
          + " is a list of "
          + at.size()
          + " item(s): use an index 0.."
          + (at.size() - 1)
          + " instead of \""
          + key
          + "\"";
    }
    if (!at.isObject()) {
      return level + " is a value (" + show(at) + "), it has no key \"" + key + "\"";
    }
    List<String> keys = new ArrayList<>();
    at.fieldNames().forEachRemaining(keys::add);
    String hint = Spelling.closest(key, keys).map(k -> "did you mean " + k + "? ").orElse("");
    return "no key \""
        + key
        + "\" at "
        + level
        + ": "
        + hint
        + (keys.isEmpty() ? "it is empty" : "keys there: " + String.join(", ", keys));
  }
}
