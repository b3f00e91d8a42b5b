package netbook.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import netbook.shell.JavaShell;
import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JavaParserTest {
  static ShellFixture fixture;
  static JavaShell shell;
  static JavaParser parser;

  @BeforeAll
  static void start() {
    fixture = new ShellFixture();
    shell = fixture.newShell();
    parser = new JavaParser(in -> JavaParser.incomplete(shell.analysis(), in));
  }

  @AfterAll
  static void stop() {
    shell.close();
    fixture.close();
  }

  @Test
  void anUnfinishedBlockAsksForMoreLinesWithItsOpenBrackets() {
    assertThatThrownBy(
            () -> parser.parse("for (int i = 0; i < 3; i++) {", 29, ParseContext.ACCEPT_LINE))
        .isInstanceOfSatisfying(EOFError.class, e -> assertThat(e.getOpenBrackets()).isEqualTo(1));
    assertThatThrownBy(() -> parser.parse("net(\"a\"", 7, ParseContext.ACCEPT_LINE))
        .isInstanceOf(EOFError.class);
  }

  @Test
  void completeJavaCommandsAndDockerLinesAreAccepted() {
    for (String line :
        new String[] {
          "1 + 1",
          "int x = 1",
          "for (int i = 0; i < 3; i++) {\n}",
          ":help",
          "docker network ls",
          "",
          "String s = \"abc"
        }) {
      assertThat(parser.parse(line, line.length(), ParseContext.ACCEPT_LINE).line())
          .isEqualTo(line);
    }
  }

  @Test
  void aPasteWhoseLastSnippetIsUnfinishedWaitsForIt() {
    String paste = "int a = 1;\nint b = 2;\nif (a < b) {";
    assertThat(JavaParser.incomplete(shell.analysis(), paste)).isTrue();
    assertThat(JavaParser.incomplete(shell.analysis(), paste + "\n}")).isFalse();
  }

  @Test
  void theWordIsTheIdentifierBeforeTheCursor() {
    JavaLine l = (JavaLine) parser.parse("Math.ma", 7, ParseContext.COMPLETE);
    assertThat(l.word()).isEqualTo("ma");
    assertThat(l.wordCursor()).isEqualTo(2);
  }

  @Test
  void insideANameStringTheWordIsTheTextTypedSoFar() {
    String line = "net(\"my-br\").run(\"netbook/tool";
    JavaLine l = (JavaLine) parser.parse(line, line.length(), ParseContext.COMPLETE);
    assertThat(l.word()).isEqualTo("netbook/tool");
    assertThat(NameCompleter.kindAt(line, line.length())).contains("run");
    assertThat(NameCompleter.kindAt("ping(\"a\")", 9)).isEmpty();
    assertThat(NameCompleter.kindAt("c.ping( \"ab", 11)).contains("ping");
    assertThat(NameCompleter.kindAt("mynet(\"ab", 9)).isEmpty();
  }

  @Test
  void commandNamesAreOneWord() {
    JavaLine l = (JavaLine) parser.parse(":sa", 3, ParseContext.COMPLETE);
    assertThat(l.word()).isEqualTo(":sa");
  }

  @Test
  void openBracketsIgnoreStringsAndComments() {
    assertThat(JavaParser.openBrackets("f(\"(\", '{', // (\n{ /* [ */")).isEqualTo(2);
    assertThat(JavaParser.openBrackets("a(b(c))")).isZero();
  }
}
