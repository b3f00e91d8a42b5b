package netbook.engine.embedded.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import netbook.engine.embedded.model.ApiException;

/**
 * The {@code filters} query parameter: JSON of filter names to values, in either of Docker's two
 * forms ({@code {"label":["a=b"]}} or the CLI's {@code {"label":{"a=b":true}}}).
 */
record Filters(Map<String, List<String>> values) {

  static Filters parse(String json) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (json == null || json.isBlank()) {
      return new Filters(out);
    }
    JsonNode root = DockerJson.read(json.getBytes(StandardCharsets.UTF_8));
    root.properties()
        .forEach(
            e -> {
              List<String> list = new ArrayList<>();
              JsonNode v = e.getValue();
              if (v.isArray()) {
                v.forEach(x -> list.add(x.asText()));
              } else if (v.isObject()) {
                v.properties().forEach(x -> list.add(x.getKey()));
              } else {
                list.add(v.asText());
              }
              out.put(e.getKey(), list);
            });
    return new Filters(out);
  }

  /** Fails as dockerd does ("Invalid filter 'x'", 400) on a filter the endpoint does not know. */
  void accept(String... names) {
    List<String> known = List.of(names);
    for (String name : values.keySet()) {
      if (!known.contains(name)) {
        throw ApiException.badRequest("Invalid filter '" + name + "'");
      }
    }
  }

  List<String> get(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** True when the filter is absent, or any of its values passes the test. */
  boolean any(String name, Predicate<String> test) {
    List<String> v = get(name);
    return v.isEmpty() || v.stream().anyMatch(test);
  }

  /** Docker's label filter: every "key" or "key=value" must match. */
  boolean labels(Map<String, String> labels) {
    for (String want : get("label")) {
      int eq = want.indexOf('=');
      boolean ok =
          eq < 0
              ? labels.containsKey(want)
              : want.substring(eq + 1).equals(labels.get(want.substring(0, eq)));
      if (!ok) {
        return false;
      }
    }
    for (String unwanted : get("label!")) {
      int eq = unwanted.indexOf('=');
      boolean hit =
          eq < 0
              ? labels.containsKey(unwanted)
              : unwanted.substring(eq + 1).equals(labels.get(unwanted.substring(0, eq)));
      if (hit) {
        return false;
      }
    }
    return true;
  }
}
