package netbook.render;

import java.util.Set;

/** The Java words both highlighters (the REPL's input line, a notebook's code) show as keywords. */
public final class JavaKeywords {
  private static final Set<String> WORDS =
      Set.of(
          "abstract",
          "assert",
          "boolean",
          "break",
          "byte",
          "case",
          "catch",
          "char",
          "class",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extends",
          "final",
          "finally",
          "float",
          "for",
          "if",
          "implements",
          "import",
          "instanceof",
          "int",
          "interface",
          "long",
          "new",
          "package",
          "private",
          "protected",
          "public",
          "record",
          "return",
          "short",
          "static",
          "super",
          "switch",
          "this",
          "throw",
          "throws",
          "try",
          "var",
          "void",
          "while",
          "true",
          "false",
          "null",
          "yield");

  private JavaKeywords() {}

  public static boolean is(String word) {
    return WORDS.contains(word);
  }
}
