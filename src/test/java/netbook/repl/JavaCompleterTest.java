package netbook.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netbook.shell.JavaShell;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JavaCompleterTest {
  static ShellFixture fixture;
  static JavaShell shell;
  static JavaCompleter completer;

  @BeforeAll
  static void start() {
    fixture = new ShellFixture();
    shell = fixture.newShell();
    completer =
        new JavaCompleter(() -> Optional.of(shell.analysis()), new NameCompleter(Optional::empty));
  }

  @AfterAll
  static void stop() {
    shell.close();
    fixture.close();
  }

  static List<String> values(String line) {
    List<Candidate> out = new ArrayList<>();
    completer.complete(
        new JavaLine(line, line.length(), JavaParser.wordStart(line, line.length())), out);
    return out.stream().map(Candidate::value).toList();
  }

  @Test
  void completesJavaMembersOnce() {
    assertThat(values("Math.ma")).containsExactly("max(");
    assertThat(values("\"abc\".subs")).contains("substring(");
  }

  @Test
  void completesThePreloadedApi() {
    assertThat(values("ne")).contains("net(", "networks()");
    assertThat(values("net(\"x\").r")).contains("run(");
  }

  @Test
  void completesCommandNames() {
    assertThat(values(":sa")).contains(":save");
    assertThat(values(":")).contains(":help", ":quit", ":continue");
  }

  @Test
  void offersTheTutorialImagesInRunWithoutAnEngine() {
    assertThat(values("run(\"")).contains("ubuntu\"", "alpine\"", "busybox\"", "nginx\"");
    assertThat(values("net(\"")).isEmpty();
  }

  @Test
  void nothingWhileJShellIsStillWarmingUp() {
    JavaCompleter cold = new JavaCompleter(Optional::empty, new NameCompleter(Optional::empty));
    List<Candidate> out = new ArrayList<>();
    cold.complete(new JavaLine("Math.ma", 7, 5), out);
    assertThat(out).isEmpty();
  }

  @Test
  void neverOffersJShellsSyntheticValueNames() {
    // the warm-up's hidden $1 = 0 was the one int in scope: Tab filled every int argument with it
    assertThat(values("\"abc\".substring(")).noneMatch(v -> v.matches("\\$\\d+")).isNotEmpty();
    assertThat(values("publish(")).noneMatch(v -> v.startsWith("$"));
    assertThat(values("$")).noneMatch(v -> v.matches("\\$\\d+"));
  }

  @Test
  void offersQuotedNamesRightAfterTheParenthesis() {
    assertThat(values("run(")).contains("\"ubuntu\"", "\"busybox\"");
  }

  @Test
  void showsSignaturesAndTheApisDocumentation() {
    CallHelp help = new CallHelp(() -> Optional.of(shell.analysis()), ApiDocs::shipped);
    assertThat(help.signatures("\"abc\".substring(", 16))
        .containsExactly(
            "String String.substring(int beginIndex)",
            "String String.substring(int beginIndex, int endIndex)");
    String ping = "container(\"a\").ping(";
    assertThat(help.documentation(ping, ping.length()))
        .extracting(CallHelp.Doc::toString)
        .anySatisfy(
            d ->
                assertThat(d)
                    .startsWith("PingResult Container.ping(String target, int count)\n")
                    .contains("count times"));
    // after a method's name, without its parenthesis: the same
    assertThat(help.documentation("networks", 8))
        .extracting(CallHelp.Doc::signature)
        .containsExactly("NetworkTable Lab.networks()");
  }

  @Test
  void anArgumentStartsAfterAParenthesisOrACommaOutsideStrings() {
    assertThat(CallHelp.atArgumentStart("f(", 2)).isTrue();
    assertThat(CallHelp.atArgumentStart("f(1, ", 5)).isTrue();
    assertThat(CallHelp.atArgumentStart("f(x", 3)).isFalse();
    assertThat(CallHelp.atArgumentStart("f(\"a,", 5)).isFalse();
  }
}
