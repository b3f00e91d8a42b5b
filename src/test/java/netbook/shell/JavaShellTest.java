package netbook.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JavaShellTest {
  private static final ByteArrayOutputStream TERMINAL = new ByteArrayOutputStream();
  private static final PrintStream REAL_OUT = System.out;
  private static JavaShell shell;

  @BeforeAll
  static void open() {
    // as cli does: snippets print to the process's System.out, which the router captures
    OutputRouter router = new OutputRouter(TERMINAL);
    System.setOut(router.printStream());
    shell = new JavaShell(router);
  }

  @AfterAll
  static void close() {
    shell.close();
    System.setOut(REAL_OUT);
  }

  @Test
  void valuesAndVariablesPrintAsJshellDoes() {
    assertThat(shell.eval("1 + 1", null, false).text(false)).isEqualTo("2\n");
    assertThat(shell.eval("int answer = 42;", null, false).text(false))
        .isEqualTo("answer ==> 42\n");
    assertThat(shell.eval("answer * 2", null, false).text(false)).isEqualTo("84\n");
  }

  @Test
  void snippetsCompileAgainstNetbookAloneYetRunWithTheWholeClassPath() {
    assertThat(JavaShell.ownClassPath())
        .hasValueSatisfying(
            cp -> assertThat(Path.of(cp).resolve("netbook/lab/Lab.class")).exists());
    // javac sees netbook's classes and the JDK, not the libraries behind them …
    assertThat(shell.eval("org.jline.terminal.Terminal t = null;", null, false).failed()).isTrue();
    // … which are still there for code that runs
    assertThat(
            shell
                .eval("Class.forName(\"org.jline.terminal.Terminal\").getSimpleName()", null, false)
                .text(false))
        .isEqualTo("\"Terminal\"\n");
  }

  @Test
  void theFluentApiIsPreloaded() {
    EvalResult r = shell.eval("name(\"container_a\")", null, false);
    assertThat(r.failed()).isFalse();
    assertThat(r.text(false)).isEqualTo("Name[value=container_a]\n");
  }

  @Test
  void severalSnippetsInOneInputRunOneByOne() {
    EvalResult r = shell.eval("int a = 1; int b = a + 1;\nSystem.out.println(a + b);", null, false);
    assertThat(r.outcomes()).hasSize(3);
    assertThat(r.text(false)).isEqualTo("a ==> 1\nb ==> 2\n3\n");
  }

  @Test
  void aCompileErrorShowsACaretUnderTheCode() {
    EvalResult r = shell.eval("String s = 42;", null, false);
    assertThat(r.failed()).isTrue();
    assertThat(r.text(false))
        .isEqualTo(
            """
        error: incompatible types: int cannot be converted to java.lang.String
            String s = 42;
                       ^^
        """);
  }

  @Test
  void aRuntimeExceptionIsOneLineAndNetbooksOwnErrorsAreJustTheirMessage() {
    assertThat(shell.eval("1 / 0", null, false).text(false))
        .isEqualTo("division by zero: check the divisor\n");
    assertThat(shell.eval("container(\"x\")", null, false).text(false))
        .isEqualTo("no netbook session is open: the API is used inside bin/netbook\n");
  }

  @Test
  void evaluationStopsAtTheFirstFailure() {
    EvalResult r = shell.eval("int ok1 = 1;\nint bad = \"x\";\nint never = 3;", null, false);
    assertThat(r.outcomes()).hasSize(2);
    assertThat(shell.eval("never", null, false).text(false))
        .startsWith("error: cannot find symbol");
  }

  @Test
  void unfinishedInputIsReportedNotRun() {
    assertThat(shell.isComplete("for (int i = 0; i < 3; i++) {")).isFalse();
    assertThat(shell.isComplete("net(\"a\"")).isFalse();
    assertThat(shell.isComplete("int x = 1")).isTrue();
    assertThat(shell.eval("for (int i = 0; i < 3; i++) {", null, false).failed()).isTrue();
  }

  @Test
  void whatSnippetsPrintIsCaptured() {
    EvalResult r = shell.eval("System.out.println(\"hello\")", null, false);
    assertThat(r.outcomes().get(0).output()).isEqualTo("hello\n");
  }

  @Test
  void aTimeoutStopsALongSnippetAndTheSessionLivesOn() {
    EvalResult r = shell.eval("Thread.sleep(60_000)", Duration.ofMillis(300), false);
    assertThat(r.outcomes().get(0).kind()).isEqualTo(Outcome.Kind.STOPPED);
    assertThat(r.text(false)).isEqualTo("stopped: it ran longer than 0.3 s\n");
    assertThat(shell.eval("2 + 2", null, false).text(false)).isEqualTo("4\n");
  }

  @Test
  void aBusyLoopIsStoppedEvenWhenTheStopComesDuringCompilation() {
    EvalResult r = shell.eval("while (true) { }", Duration.ofMillis(1), false);
    assertThat(r.outcomes().get(0).kind()).isEqualTo(Outcome.Kind.STOPPED);
    assertThat(shell.eval("3 + 3", null, false).text(false)).isEqualTo("6\n");
  }

  @Test
  void declarationsSayWhatTheyCreated() {
    assertThat(shell.eval("void greet() {}", null, false).text(false))
        .isEqualTo("created method greet()\n");
    assertThat(shell.eval("void greet() { }", null, false).text(false))
        .isEqualTo("replaced method greet()\n");
  }
}
