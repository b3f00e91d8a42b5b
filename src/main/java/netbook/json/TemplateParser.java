package netbook.json;

import java.util.ArrayList;
import java.util.List;
import netbook.NetbookException;
import netbook.json.GoTemplate.Call;
import netbook.json.GoTemplate.Expr;
import netbook.json.GoTemplate.Field;
import netbook.json.GoTemplate.If;
import netbook.json.GoTemplate.Literal;
import netbook.json.GoTemplate.Node;
import netbook.json.GoTemplate.Num;
import netbook.json.GoTemplate.Print;
import netbook.json.GoTemplate.Range;
import netbook.json.GoTemplate.Str;

/** Turns a {@link GoTemplate}'s source into its tree: text and {@code {{actions}}}. */
final class TemplateParser {
  private final String src;
  private final List<Object> pieces = new ArrayList<>(); // String text or Action
  private int next;

  private record Action(String body, int at) {}

  TemplateParser(String src) {
    this.src = src;
  }

  List<Node> parse() {
    split();
    List<Node> body = new ArrayList<>();
    String stop = block(body);
    if (stop != null) {
      throw problem("{{" + stop + "}} has no {{range}} or {{if}} to close: remove it");
    }
    return body;
  }

  /** Splits the source into text and action bodies, applying {@code {{-} and {@code -}}} trims. */
  private void split() {
    int i = 0;
    boolean trimNext = false;
    while (i < src.length()) {
      int open = src.indexOf("{{", i);
      String text = open < 0 ? src.substring(i) : src.substring(i, open);
      if (trimNext) {
        text = text.stripLeading();
      }
      if (open < 0) {
        add(text);
        break;
      }
      int close = closing(open + 2);
      String body = src.substring(open + 2, close);
      if (body.startsWith("-") && (body.length() == 1 || Character.isWhitespace(body.charAt(1)))) {
        text = text.stripTrailing();
        body = body.substring(1);
      }
      trimNext = false;
      if (body.endsWith("-")
          && body.length() > 1
          && Character.isWhitespace(body.charAt(body.length() - 2))) {
        trimNext = true;
        body = body.substring(0, body.length() - 1);
      }
      add(text);
      pieces.add(new Action(body.strip(), open));
      i = close + 2;
    }
  }

  private void add(String text) {
    if (!text.isEmpty()) {
      pieces.add(text);
    }
  }

  /** Where the action opened before {@code from} closes, skipping quoted strings. */
  private int closing(int from) {
    char quote = 0;
    for (int j = from; j < src.length(); j++) {
      char c = src.charAt(j);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          j++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '`') {
        quote = c;
      } else if (src.startsWith("}}", j)) {
        return j;
      }
    }
    throw problem("the action at column " + (from - 1) + " is not closed: end it with }}");
  }

  /** Parses nodes into {@code body} until {{end}}/{{else}} (returned) or the end (null). */
  private String block(List<Node> body) {
    while (next < pieces.size()) {
      Object p = pieces.get(next++);
      if (p instanceof String s) {
        body.add(new Literal(s));
        continue;
      }
      Action a = (Action) p;
      String b = a.body();
      if (b.equals("end") || b.equals("else")) {
        return b;
      }
      if (b.isEmpty()) {
        throw problem("an empty {{}} at column " + (a.at() + 1) + ": put a field like .Name in it");
      }
      if (b.startsWith("/*")) {
        continue;
      }
      if (word(b, "range")) {
        body.add(range(b.substring(5).strip(), a));
      } else if (word(b, "if")) {
        List<Node> then = new ArrayList<>();
        List<Node> otherwise = new ArrayList<>();
        Expr test = new ExprParser(b.substring(2).strip()).whole();
        String stop = block(then);
        if ("else".equals(stop)) {
          stop = block(otherwise);
        }
        requireEnd(stop, "if", a);
        body.add(new If(test, then, otherwise));
      } else {
        body.add(new Print(new ExprParser(b).whole()));
      }
    }
    return null;
  }

  private Range range(String rest, Action a) {
    String key = null;
    String value = null;
    int assign = rest.indexOf(":=");
    if (assign >= 0) {
      String[] vars = rest.substring(0, assign).split(",");
      for (String v : vars) {
        if (!v.strip().matches("\\$\\w+")) {
          throw problem(
              "cannot read the variables in {{range " + rest + "}}: write range $k, $v := .Map");
        }
      }
      if (vars.length == 1) {
        value = vars[0].strip();
      } else if (vars.length == 2) {
        key = vars[0].strip();
        value = vars[1].strip();
      } else {
        throw problem("range takes one or two variables: write range $k, $v := .Map");
      }
      rest = rest.substring(assign + 2).strip();
    }
    Expr over = new ExprParser(rest).whole();
    List<Node> body = new ArrayList<>();
    List<Node> otherwise = new ArrayList<>();
    String stop = block(body);
    if ("else".equals(stop)) {
      stop = block(otherwise);
    }
    requireEnd(stop, "range", a);
    return new Range(key, value, over, body, otherwise);
  }

  private void requireEnd(String stop, String what, Action a) {
    if (!"end".equals(stop)) {
      throw problem(
          "{{"
              + what
              + "}} at column "
              + (a.at() + 1)
              + " has no {{end}}: add {{end}} after its body");
    }
  }

  private static boolean word(String body, String w) {
    return body.startsWith(w)
        && (body.length() == w.length() || Character.isWhitespace(body.charAt(w.length())));
  }

  static NetbookException problem(String what) {
    return new NetbookException("template: " + what);
  }

  /** One action's expression: a field, variable, literal, or a function and its arguments. */
  private static final class ExprParser {
    private final String text;
    private int i;

    ExprParser(String text) {
      this.text = text;
    }

    Expr whole() {
      List<Expr> terms = terms();
      if (terms.isEmpty()) {
        throw problem("nothing to print in {{" + text + "}}: put a field like .Name in it");
      }
      return combine(terms, text);
    }

    private Expr combine(List<Expr> terms, String whole) {
      Expr first = terms.get(0);
      if (first instanceof Call c && c.args().isEmpty()) {
        return new Call(c.function(), terms.subList(1, terms.size()), whole.strip());
      }
      if (terms.size() > 1) {
        throw problem(
            "cannot read {{"
                + whole.strip()
                + "}}: a function (index, json, len, join, upper,"
                + " lower) goes first, then its arguments");
      }
      return first;
    }

    private List<Expr> terms() {
      List<Expr> terms = new ArrayList<>();
      while (true) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        if (i >= text.length() || text.charAt(i) == ')') {
          return terms;
        }
        terms.add(term());
      }
    }

    private Expr term() {
      char c = text.charAt(i);
      int start = i;
      if (c == '(') {
        i++;
        List<Expr> inner = terms();
        if (i >= text.length()) {
          throw problem("a ( in {{" + text + "}} is not closed: add )");
        }
        i++;
        if (inner.isEmpty()) {
          throw problem("empty () in {{" + text + "}}");
        }
        return combine(inner, text.substring(start + 1, i - 1));
      }
      if (c == '"') {
        return new Str(quoted());
      }
      if (c == '`') {
        int end = text.indexOf('`', i + 1);
        String s = text.substring(i + 1, end);
        i = end + 1;
        return new Str(s);
      }
      String tok = token();
      if (tok.equals(".")) {
        return new Field(".", List.of(), ".");
      }
      if (tok.startsWith(".") || tok.startsWith("$")) {
        String base = tok.startsWith(".") ? "." : tok.split("\\.", 2)[0];
        String rest = tok.startsWith(".") ? tok.substring(1) : tok.substring(base.length());
        if (rest.startsWith(".")) {
          rest = rest.substring(1);
        }
        List<String> names = rest.isEmpty() ? List.of() : List.of(rest.split("\\.", -1));
        for (String n : names) {
          if (!n.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw problem(
                "cannot read the field path "
                    + tok
                    + ": write fields as .A.B (for keys with dots or dashes use index .A \"key\")");
          }
        }
        return new Field(base, names, tok);
      }
      if (tok.matches("-?\\d+")) {
        return new Num(Long.parseLong(tok));
      }
      if (tok.matches("[A-Za-z_]\\w*")) {
        return new Call(tok, List.of(), tok);
      }
      throw problem(
          "cannot read \"" + tok + "\" in {{" + text + "}}: use .Field, \"text\", or a function");
    }

    private String token() {
      int start = i;
      while (i < text.length()
          && !Character.isWhitespace(text.charAt(i))
          && text.charAt(i) != '('
          && text.charAt(i) != ')') {
        i++;
      }
      return text.substring(start, i);
    }

    private String quoted() {
      StringBuilder sb = new StringBuilder();
      i++;
      while (i < text.length() && text.charAt(i) != '"') {
        char c = text.charAt(i++);
        if (c == '\\' && i < text.length()) {
          char e = text.charAt(i++);
          switch (e) {
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case 'r' -> sb.append('\r');
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            default ->
                throw problem(
                    "cannot read the escape \\"
                        + e
                        + " in {{"
                        + text
                        + "}}: use \\n, \\t, \\\" or \\\\");
          }
        } else {
          sb.append(c);
        }
      }
      if (i >= text.length()) {
        throw problem("a string in {{" + text + "}} is not closed: end it with \"");
      }
      i++;
      return sb.toString();
    }
  }
}
