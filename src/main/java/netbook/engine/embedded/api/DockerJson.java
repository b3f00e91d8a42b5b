package netbook.engine.embedded.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import netbook.engine.embedded.model.ApiException;

/** The shared Jackson mapper and the small helpers every JSON writer and reader uses. */
final class DockerJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private DockerJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static String time(Instant t) {
    return t == null ? ZERO_TIME : t.toString();
  }

  /** A JSON object of strings with its keys sorted, as Go's encoding/json writes maps. */
  static ObjectNode strings(Map<String, String> map) {
    ObjectNode n = object();
    new TreeMap<>(map).forEach(n::put);
    return n;
  }

  /** The object with its members sorted by key (Go writes every map that way). */
  static ObjectNode sorted(ObjectNode o) {
    ObjectNode n = object();
    new TreeMap<>(
            o.properties().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
        .forEach(n::set);
    return n;
  }

  static ArrayNode strings(Collection<String> list) {
    ArrayNode a = array();
    list.forEach(a::add);
    return a;
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode read(byte[] body) {
    if (body.length == 0) {
      return object();
    }
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw ApiException.badRequest("invalid JSON: " + e.getMessage());
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  /** A string array, or null when the field is absent or null. */
  static List<String> list(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      v.forEach(x -> out.add(x.asText()));
    } else {
      out.add(v.asText());
    }
    return out;
  }

  static Map<String, String> map(JsonNode node, String field) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode v = node.get(field);
    if (v != null && v.isObject()) {
      v.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  static JsonNode child(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? object() : v;
  }
}
