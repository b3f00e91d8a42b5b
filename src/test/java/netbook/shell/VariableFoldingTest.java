package netbook.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;
import org.junit.jupiter.api.Test;

class VariableFoldingTest {

  private static Set<String> variables(JavaShell shell) {
    return shell.jshell().variables().map(VarSnippet::name).collect(Collectors.toSet());
  }

  private static String value(JavaShell shell, String expression) {
    EvalResult r = shell.eval(expression, null, false);
    assertThat(r.failed()).as(expression + ": " + r.text(true)).isFalse();
    return r.text(false).strip();
  }

  /** x1 … x{n}, one snippet each, as a notebook's cells would be. */
  private static void declare(JavaShell shell, int from, int to) {
    for (int i = from; i <= to; i++) {
      assertThat(shell.eval("int x" + i + " = " + i + ";", null, false).failed()).isFalse();
    }
  }

  @Test
  void aBatchOfQuietVariablesLeavesJshellYetKeepsItsNamesValuesAndAssignments() {
    try (JavaShell shell = new JavaShell(new OutputRouter(new ByteArrayOutputStream()))) {
      shell.foldVariables();
      shell.eval("int useX3() { return x3; }", null, false); // a method names x3: it stays
      declare(shell, 1, 4);
      // so does a lambda: it could run again later, reading x4 where it was
      shell.eval("java.util.function.IntSupplier r = () -> x4;", null, false);
      declare(shell, 5, VariableFolding.BATCH + 6);
      shell.eval("String s = \"kept\";", null, false);
      shell.eval("x1 + x2", null, false); // an expression that ran once pins nothing

      // x1 … x64 made a batch; x3 and x4 are held back, x65 … x70 wait for the next batch
      Set<String> left = variables(shell);
      assertThat(left).doesNotContain("x1", "x2", "x5", "x" + VariableFolding.BATCH);
      assertThat(left).contains("x3", "x4", "r", "x" + (VariableFolding.BATCH + 1));
      // the folded ones read, sum and assign as before, by the same names
      assertThat(value(shell, "x1 + x2 + x5")).isEqualTo("8");
      assertThat(value(shell, "x1 = 100")).isEqualTo("100");
      assertThat(value(shell, "x1 * 2")).isEqualTo("200");
      // the kept ones still work where they were named
      assertThat(value(shell, "x3 = 30")).isEqualTo("30");
      assertThat(value(shell, "useX3()")).isEqualTo("30");
      assertThat(value(shell, "x4 = 44")).isEqualTo("44");
      assertThat(value(shell, "r.getAsInt()")).isEqualTo("44");
      // a redeclaration shadows a folded name as it would replace a variable
      assertThat(shell.eval("String x2 = \"two\";", null, false).text(false))
          .isEqualTo("x2 ==> \"two\"\n");
      assertThat(value(shell, "x2.length()")).isEqualTo("3");
    }
  }

  @Test
  void batchAfterBatchIsFolded() {
    try (JavaShell shell = new JavaShell(new OutputRouter(new ByteArrayOutputStream()))) {
      shell.foldVariables();
      int n = 3 * VariableFolding.BATCH;
      declare(shell, 1, n);
      assertThat(variables(shell)).doesNotContain("x1", "x" + (2 * VariableFolding.BATCH), "x" + n);
      assertThat(value(shell, "x1 + x" + (VariableFolding.BATCH + 1) + " + x" + n))
          .isEqualTo(String.valueOf(1 + VariableFolding.BATCH + 1 + n));
    }
  }

  @Test
  void withoutFoldingAsInTheReplEveryVariableStaysJshells() {
    try (JavaShell shell = new JavaShell(new OutputRouter(new ByteArrayOutputStream()))) {
      declare(shell, 1, VariableFolding.BATCH + 6);
      assertThat(variables(shell)).contains("x1", "x" + (VariableFolding.BATCH + 6));
    }
  }

  @Test
  void onlyCodeThatRanOnceMayNameAFoldedVariable() {
    assertThat(VariableFolding.oneShot("x1 + 1", Snippet.Kind.VAR)).isTrue();
    assertThat(VariableFolding.oneShot("System.out.println(x1);", Snippet.Kind.STATEMENT)).isTrue();
    assertThat(VariableFolding.oneShot("int y = x1;", Snippet.Kind.VAR)).isTrue();
    assertThat(VariableFolding.oneShot("int f() { return x1; }", Snippet.Kind.METHOD)).isFalse();
    assertThat(VariableFolding.oneShot("import static a.B.x1;", Snippet.Kind.IMPORT)).isFalse();
    assertThat(VariableFolding.oneShot("Runnable r = () -> f(x1);", Snippet.Kind.VAR)).isFalse();
    assertThat(VariableFolding.oneShot("list.forEach(x1::add)", Snippet.Kind.EXPRESSION)).isFalse();
    assertThat(VariableFolding.oneShot("new Thread() { int g = x1; }", Snippet.Kind.EXPRESSION))
        .isFalse();
  }

  @Test
  void holdersAreKnownByName() {
    assertThat(VariableFolding.isHolder("netbook.cells.f12.Vars")).isTrue();
    assertThat(VariableFolding.isHolder("netbook.lab.Lab")).isFalse();
  }

  @Test
  void identifiersAreCountedAsTheyOccur() {
    assertThat(VariableFolding.identifiers("int x1 = x1 + $2; // x1"))
        .containsEntry("x1", 3)
        .containsEntry("$2", 1)
        .containsEntry("int", 1);
  }

  @Test
  void aHolderHasOneStaticFieldPerVariableAndItsCopyAndImportNameIt() {
    try (JavaShell shell = new JavaShell(new OutputRouter(new ByteArrayOutputStream()))) {
      shell.eval("long a = 1L;", null, false);
      shell.eval("String b = \"b\";", null, false);
      List<VarSnippet> vars = shell.jshell().variables().toList();
      VariableFolding f = new VariableFolding(java.nio.file.Path.of("unused"));
      VariableFolding.Batch batch = f.batch(vars);
      assertThat(batch.holderSource())
          .contains("package netbook.cells.f1;")
          .contains("public static long a;")
          .contains("public static String b;");
      assertThat(batch.copy())
          .isEqualTo("{ netbook.cells.f1.Vars.a = a; netbook.cells.f1.Vars.b = b; }");
      assertThat(batch.importLine()).isEqualTo("import static netbook.cells.f1.Vars.*;");
      assertThat(f.batch(vars).pkg()).isEqualTo("netbook.cells.f2");
    }
  }
}
