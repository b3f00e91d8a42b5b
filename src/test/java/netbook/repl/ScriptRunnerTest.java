package netbook.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Piped mode: input → exact output, without an engine (Java works; the API says why not). */
class ScriptRunnerTest {
  ShellFixture fixture;
  Workspace session;

  @BeforeEach
  void start() {
    fixture = new ShellFixture();
    session = fixture.withoutEngine();
    session.begin();
    session.beginEngine(); // as the command line starts piped input: both at once
  }

  @AfterEach
  void stop() {
    session.close();
    fixture.close();
  }

  int run(String input) throws Exception {
    ScriptRunner r = new ScriptRunner(session, fixture.writer, false);
    return r.run(new BufferedReader(new StringReader(input)));
  }

  @Test
  void valuesDeclarationsAndPrintedLinesInOrder() throws Exception {
    int failed =
        run(
            "1 + 1\n"
                + "int x = 4\n"
                + "for (int i = 0; i < 2; i++) {\n"
                + "  System.out.println(i * x);\n"
                + "}\n"
                + "void hello() { System.out.print(\"hi\"); }\n"
                + "hello()\n"
                + "record P(int a) {}\n"
                + "new P(3)\n");
    assertThat(failed).isZero();
    assertThat(fixture.output())
        .isEqualTo(
            "netbook: no Docker engine at test://none — Java works; the Docker API does not\n"
                + "2\n"
                + "x ==> 4\n"
                + "0\n"
                + "4\n"
                + "created method hello()\n"
                + "hi\n"
                + "created type P\n"
                + "P[a=3]\n");
  }

  @Test
  void compileErrorsShowACaretAndExceptionsOneLine() throws Exception {
    int failed = run("String s = 42;\n\"abc\".charAt(9)\n1 + 2\n");
    assertThat(failed).isEqualTo(2);
    assertThat(fixture.output())
        .endsWith(
            "error: incompatible types: int cannot be converted to java.lang.String\n"
                + "    String s = 42;\n"
                + "               ^^\n"
                + "String index out of range: 9: indexes go from 0 to the size minus 1\n"
                + "3\n");
  }

  @Test
  void severalSnippetsOnALineRunOneByOne() throws Exception {
    assertThat(run("int a = 1; int b = a + 1; a + b\n")).isZero();
    assertThat(fixture.output()).endsWith("a ==> 1\nb ==> 2\n3\n");
  }

  @Test
  void commandsAndDockerLinesAreRouted() throws Exception {
    int failed = run(":verbose\n:verbose\n:frob\ndocker network ls\n:diagram\n");
    assertThat(failed).isEqualTo(3);
    assertThat(fixture.output())
        .isEqualTo(
            "verbose: stack traces shown\n"
                + "verbose off\n"
                + "unknown command :frob: :help lists the commands\n"
                + "no Docker engine at test://none\n"
                + "no Docker engine at test://none\n");
  }

  @Test
  void theApiWithoutAnEngineIsOneLineAndTheSessionGoesOn() throws Exception {
    int failed = run("net(\"x\")\n6 * 7\n");
    assertThat(failed).isEqualTo(1);
    assertThat(fixture.output())
        .contains("no netbook session is open")
        .endsWith("42\n")
        .doesNotContain("\tat ");
  }

  @Test
  void quitStopsReadingAndUnfinishedInputFails() throws Exception {
    assertThat(run("1\n:quit\n2\n")).isZero();
    assertThat(fixture.output()).endsWith("1\n");
    fixture.clear();
    assertThat(run("for (int i = 0; i < 2; i++) {\n")).isEqualTo(1);
    assertThat(fixture.output()).isEqualTo("incomplete input: for (int i = 0; i < 2; i++) {\n");
  }

  @Test
  void saveReplacesAFileWholeKeepsItsPermissionsAndCutsAHugeOutput(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("big.md");
    Files.writeString(file, "an older session\n");
    Files.setPosixFilePermissions(
        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
    run("for (int i = 0; i < 5000; i++) System.out.println(i);\n:save --force " + file + "\n");
    String saved = Files.readString(file);
    assertThat(saved).startsWith("# big\n\n```java\nfor (int i = 0;").contains("\n1999\n");
    assertThat(saved)
        .doesNotContain("\n2000\n")
        .contains(
            "[netbook: output cut here, 3000 more lines (15000 bytes) not recorded:"
                + " a recorded output keeps at most 2000 lines and 64 KiB]\n```\n");
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-rw----");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void saveWritesTheAcceptedInputsAsANotebook(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("s.md");
    run("int x = 2\nString bad = 1;\nSystem.out.println(x * 21)\n:save " + file + "\n");
    assertThat(Files.readString(file))
        .isEqualTo(
            "# s\n\n"
                + "```java\nint x = 2\n```\n\n"
                + "<!-- netbook:output -->\n```output\nx ==> 2\n```\n\n"
                + "```java\nSystem.out.println(x * 21)\n```\n\n"
                + "<!-- netbook:output -->\n```output\n42\n```\n");
    fixture.clear();
    run(":reset\n:open " + file + "\nx\n");
    assertThat(fixture.output())
        .isEqualTo(
            "fresh Java session (the API is imported again)\n"
                + "» int x = 2\n"
                + "x ==> 2\n"
                + "» System.out.println(x * 21)\n"
                + "42\n"
                + "ran 2 cells of "
                + file
                + "\n"
                + "2\n");
  }

  @Test
  void saveRefusesToOverwriteAFileWithoutForceWhenNoOneCanBeAsked(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("mine.md");
    Files.writeString(file, "my own notes\n");
    assertThat(run("int x = 2\n:save " + file + "\n")).isEqualTo(1);
    assertThat(Files.readString(file)).isEqualTo("my own notes\n");
    assertThat(fixture.output())
        .contains(
            file
                + " exists: not overwritten; :save --force "
                + file
                + " replaces it, or name"
                + " another file\n");
  }

  @Test
  void saveKeepsProseTypedAsCommentsAndNeverWritesScratchNames(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.md");
    ScriptRunner r = new ScriptRunner(session, fixture.writer, false);
    r.run(
        new BufferedReader(
            new StringReader(
                "// # Two numbers\n// A first value,\n// then twice it.\nString.valueOf(21)\n")));
    // JShell's name for that value ($1 is taken by netbook's own warm-up)
    String scratch = session.shell().state().variables().reduce((a, b) -> b).orElseThrow().name();
    assertThat(scratch).startsWith("$");
    r.run(
        new BufferedReader(
            new StringReader(
                "//\n// ## Twice\nInteger.parseInt(" + scratch + ") * 2\n:save " + file + "\n")));
    String name = "valueOf" + scratch.substring(1);
    String saved = Files.readString(file);
    assertThat(saved)
        .isEqualTo(
            "# Two numbers\n\n"
                + "A first value,\nthen twice it.\n\n"
                + "```java\nvar "
                + name
                + " = String.valueOf(21);\n```\n\n"
                + "<!-- netbook:output -->\n```output\n\"21\"\n```\n\n"
                + "## Twice\n\n"
                + "```java\nInteger.parseInt("
                + name
                + ") * 2\n```\n\n"
                + "<!-- netbook:output -->\n```output\n42\n```\n");
    fixture.clear();
    assertThat(saved).doesNotContain("$");
    run(":reset\n:open " + file + "\n" + name + "\n");
    assertThat(fixture.output()).contains("ran 2 cells of " + file).endsWith("\"21\"\n");
  }

  @Test
  void aMarkdownHeadingTypedAtThePromptIsProse(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("h.md");
    assertThat(run("# Heading\nint y = 3\n:save " + file + "\n")).isZero();
    assertThat(Files.readString(file)).startsWith("# Heading\n\n```java\nint y = 3\n```\n");
  }
}
