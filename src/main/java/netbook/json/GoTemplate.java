package netbook.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import netbook.NetbookException;

/**
 * The part of Go's text/template that {@code docker inspect -f} lessons use, run on inspect JSON:
 * literal text, {@code {{.A.B}}}, {@code {{.}}}, {@code {{"\n"}}}, {@code {{index .A "key"}}},
 * {@code {{json .A}}}, {@code {{len .A}}}, {@code {{join .A ","}}}, {@code {{upper}}}/{@code
 * {{lower}}}, {@code {{range .A}}…{{end}}} (also {@code range $v := .A} and {@code range $k, $v :=
 * .A}, maps in key order as Go does), {@code {{if .A}}…{{else}}…{{end}}} and {@code {{-}}} trims.
 * Values print as Go's {@code %v} prints decoded JSON: strings bare, {@code map[k:v]}, {@code [a
 * b]}, {@code <nil>} for null and {@code <no value>} for a key that is not there. Anything else
 * fails with one line that names the template part and the fix.
 */
public final class GoTemplate {
  private final String source;
  private final List<Node> nodes;

  private GoTemplate(String source, List<Node> nodes) {
    this.source = source;
    this.nodes = nodes;
  }

  /** Parses {@code source}; one line naming the problem if it is not in the subset. */
  public static GoTemplate parse(String source) {
    return new GoTemplate(source, new TemplateParser(source).parse());
  }

  /** The template's output for {@code data} (no newline added). */
  public String execute(JsonNode data) {
    StringBuilder out = new StringBuilder();
    Scope scope = new Scope(data, new HashMap<>());
    scope.vars().put("$", data);
    run(nodes, scope, out);
    return out.toString();
  }

  @Override
  public String toString() {
    return source;
  }

  // ---- the tree ----

  sealed interface Node permits Literal, Print, Range, If {}

  record Literal(String text) implements Node {}

  record Print(Expr expr) implements Node {}

  record Range(String key, String value, Expr over, List<Node> body, List<Node> otherwise)
      implements Node {}

  record If(Expr test, List<Node> then, List<Node> otherwise) implements Node {}

  sealed interface Expr permits Field, Str, Num, Call {}

  /** {@code base} is "." (the dot) or a variable like "$k"; {@code names} the fields after it. */
  record Field(String base, List<String> names, String text) implements Expr {}

  record Str(String value) implements Expr {}

  record Num(long value) implements Expr {}

  record Call(String function, List<Expr> args, String text) implements Expr {}

  private record Scope(JsonNode dot, Map<String, JsonNode> vars) {
    Scope with(JsonNode newDot, Map<String, JsonNode> extra) {
      Map<String, JsonNode> v = new HashMap<>(vars);
      v.putAll(extra);
      return new Scope(newDot, v);
    }
  }

  // ---- running ----

  private void run(List<Node> body, Scope scope, StringBuilder out) {
    for (Node n : body) {
      if (n instanceof Literal l) {
        out.append(l.text());
      } else if (n instanceof Print p) {
        out.append(show(eval(p.expr(), scope)));
      } else if (n instanceof If i) {
        run(truthy(eval(i.test(), scope)) ? i.then() : i.otherwise(), scope, out);
      } else {
        range((Range) n, scope, out);
      }
    }
  }

  private void range(Range r, Scope scope, StringBuilder out) {
    JsonNode over = eval(r.over(), scope);
    List<JsonNode[]> pairs = new ArrayList<>();
    if (over.isObject()) {
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      over.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      sorted.forEach((k, v) -> pairs.add(new JsonNode[] {TextNode.valueOf(k), v}));
    } else if (over.isArray()) {
      for (int i = 0; i < over.size(); i++) {
        pairs.add(new JsonNode[] {IntNode.valueOf(i), over.get(i)});
      }
    } else if (!over.isNull() && !over.isMissingNode()) {
      throw new NetbookException(
          "template: range needs a map or a list, but "
              + text(r.over())
              + " is "
              + show(over)
              + ": range over the part that holds several items");
    }
    if (pairs.isEmpty()) {
      run(r.otherwise(), scope, out);
      return;
    }
    for (JsonNode[] kv : pairs) {
      Map<String, JsonNode> vars = new HashMap<>();
      if (r.key() != null) {
        vars.put(r.key(), kv[0]);
      }
      if (r.value() != null) {
        vars.put(r.value(), kv[1]);
      }
      run(r.body(), scope.with(kv[1], vars), out);
    }
  }

  private JsonNode eval(Expr e, Scope scope) {
    if (e instanceof Str s) {
      return TextNode.valueOf(s.value());
    }
    if (e instanceof Num n) {
      return IntNode.valueOf((int) n.value());
    }
    if (e instanceof Field f) {
      return field(f, scope);
    }
    return call((Call) e, scope);
  }

  private static JsonNode field(Field f, Scope scope) {
    JsonNode at;
    if (f.base().equals(".")) {
      at = scope.dot();
    } else {
      at = scope.vars().get(f.base());
      if (at == null) {
        throw new NetbookException(
            "template: undefined variable "
                + f.base()
                + ": declare it with range "
                + f.base()
                + " := …");
      }
    }
    String where = f.base().equals(".") ? "" : f.base();
    for (String name : f.names()) {
      if (at.isMissingNode() || at.isNull()) {
        throw new NetbookException(
            "template: cannot read ."
                + name
                + " in "
                + f.text()
                + " because "
                + (where.isEmpty() ? "the value" : where)
                + " is not there: check the path with inspect()");
      }
      if (!at.isObject()) {
        throw new NetbookException(
            "template: cannot read ."
                + name
                + " in "
                + f.text()
                + ": "
                + (where.isEmpty() ? "the value" : where)
                + " is "
                + (at.isArray() ? "a list (use range or index)" : "the value " + show(at)));
      }
      JsonNode next = at.get(name);
      if (next == null) {
        throw new NetbookException(
            "template: "
                + f.text()
                + ": "
                + JsonPath.missing(at, name, where.startsWith(".") ? where.substring(1) : where));
      }
      at = next;
      where = where + "." + name;
    }
    return at;
  }

  private JsonNode call(Call c, Scope scope) {
    List<JsonNode> args = new ArrayList<>();
    for (Expr a : c.args()) {
      args.add(eval(a, scope));
    }
    switch (c.function()) {
      case "json" -> {
        arity(c, 1);
        JsonNode v = args.get(0);
        return TextNode.valueOf(v.isMissingNode() ? "null" : JsonText.compact(v));
      }
      case "index" -> {
        if (args.isEmpty()) {
          throw usage(c, "index .Map \"key\"");
        }
        JsonNode at = args.get(0);
        for (int i = 1; i < args.size(); i++) {
          JsonNode k = args.get(i);
          if (at.isObject()) {
            JsonNode next = at.get(k.asText());
            at = next == null ? NullNode.getInstance() : next;
          } else if (at.isArray() && k.isIntegralNumber()) {
            if (k.asInt() < 0 || k.asInt() >= at.size()) {
              throw new NetbookException(
                  "template: index "
                      + k.asInt()
                      + " is out of range in "
                      + c.text()
                      + ": the list has "
                      + at.size()
                      + " item(s)");
            }
            at = at.get(k.asInt());
          } else if (at.isMissingNode() || at.isNull()) {
            return NullNode.getInstance();
          } else {
            throw new NetbookException(
                "template: cannot index "
                    + show(at)
                    + " with "
                    + show(k)
                    + " in "
                    + c.text()
                    + ": index takes a map and a key, or a list and a number");
          }
        }
        return at;
      }
      case "len" -> {
        arity(c, 1);
        JsonNode v = args.get(0);
        if (v.isTextual()) {
          return IntNode.valueOf(v.textValue().length());
        }
        if (!v.isContainerNode()) {
          throw usage(c, "len .List (a map, list or string)");
        }
        return IntNode.valueOf(v.size());
      }
      case "join" -> {
        arity(c, 2);
        if (!args.get(0).isArray()) {
          throw usage(c, "join .List \", \"");
        }
        List<String> parts = new ArrayList<>();
        args.get(0).forEach(v -> parts.add(show(v)));
        return TextNode.valueOf(String.join(args.get(1).asText(), parts));
      }
      case "upper" -> {
        arity(c, 1);
        return TextNode.valueOf(show(args.get(0)).toUpperCase(Locale.ROOT));
      }
      case "lower" -> {
        arity(c, 1);
        return TextNode.valueOf(show(args.get(0)).toLowerCase(Locale.ROOT));
      }
      default ->
          throw new NetbookException(
              "template: function \""
                  + c.function()
                  + "\" is not one netbook knows: use index, json, len, join, upper or lower");
    }
  }

  private static void arity(Call c, int n) {
    if (c.args().size() != n) {
      throw new NetbookException(
          "template: "
              + c.function()
              + " takes "
              + n
              + " argument"
              + (n == 1 ? "" : "s")
              + " but "
              + c.text()
              + " gives "
              + c.args().size());
    }
  }

  private static NetbookException usage(Call c, String form) {
    return new NetbookException("template: cannot run " + c.text() + ": write it as " + form);
  }

  private static String text(Expr e) {
    if (e instanceof Field f) {
      return f.text();
    }
    if (e instanceof Call c) {
      return c.text();
    }
    if (e instanceof Str s) {
      return '"' + s.value() + '"';
    }
    return Long.toString(((Num) e).value());
  }

  private static boolean truthy(JsonNode v) {
    if (v.isMissingNode() || v.isNull()) {
      return false;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isNumber()) {
      return v.doubleValue() != 0;
    }
    if (v.isTextual()) {
      return !v.textValue().isEmpty();
    }
    return !v.isEmpty();
  }

  /** {@code v} as Go's {@code %v} prints decoded JSON. */
  static String show(JsonNode v) {
    if (v.isMissingNode()) {
      return "<no value>";
    }
    if (v.isNull()) {
      return "<nil>";
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isIntegralNumber()) {
      return v.asText();
    }
    if (v.isNumber()) {
      double d = v.doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : v.asText();
    }
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(x -> parts.add(show(x)));
      return "[" + String.join(" ", parts) + "]";
    }
    if (v.isObject()) {
      TreeMap<String, String> sorted = new TreeMap<>();
      v.properties().forEach(e -> sorted.put(e.getKey(), show(e.getValue())));
      List<String> parts = new ArrayList<>();
      sorted.forEach((k, x) -> parts.add(k + ":" + x));
      return "map[" + String.join(" ", parts) + "]";
    }
    return v.asText();
  }
}
