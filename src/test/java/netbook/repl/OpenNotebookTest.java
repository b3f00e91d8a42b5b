package netbook.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import netbook.engine.Engine;
import netbook.engine.docker.DockerEngines;
import netbook.lab.Session;
import netbook.lab.SessionConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code :open} on the embedded engine: the notebook runner's cells, attributes and prompts. */
class OpenNotebookTest {
  @Test
  void runsJavaAndConsoleCellsHonouringAttributesAndContainerPrompts(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("t.md");
    Files.writeString(
        file,
        "# T\n\nProse.\n\n```java {name=a}\nint a = 1;\n```\n\n"
            + "```output\na ==> 1\n```\n\n"
            + "```console\n$ docker network create open_net\n1f2e3d\n"
            + "$ docker run -dit --name open_a --network open_net netbook/toolbox\n"
            + "$ docker attach open_a\n/ # hostname\nxyz\n```\n\n"
            + "```java {hidden}\nSystem.out.println(\"not shown\");\n```\n\n"
            + "```java {skip}\nSystem.out.println(\"not run\");\n```\n\n"
            + "```java {expect=fail}\nint b = \"x\";\n```\n\n"
            + "```python\nprint(1)\n```\n\n```jshell\na + 1\n```\n");
    try (Engine engine = DockerEngines.embedded(OptionalLong.of(9));
        ShellFixture f = new ShellFixture()) {
      Session s =
          new Session(
              engine,
              new SessionConfig("open", true, ProcessHandle.current().pid(), "", null, null));
      try (Workspace rs = f.with(s)) {
        rs.begin();
        ScriptRunner r = new ScriptRunner(rs, f.writer, false);
        int failed = r.run(new BufferedReader(new StringReader(":open " + file + "\n")));
        String out = f.output();
        assertThat(failed).as(out).isZero();
        assertThat(out)
            .startsWith("» int a = 1;\na ==> 1\n$ docker network create open_net\n")
            .contains("$ docker run -dit --name open_a --network open_net netbook/toolbox\n")
            .contains("$ docker attach open_a\nnote: attached to open_a")
            .contains("open_a # hostname\n")
            .doesNotContain("not shown")
            .doesNotContain("not run")
            .doesNotContain("print(1)")
            .contains("cell 5 failed, as expected (expect=fail)\n")
            .endsWith("» a + 1\n2\nran 5 cells of " + file + "\n");
        f.clear();
        r.run(new BufferedReader(new StringReader(":save " + dir.resolve("saved.md") + "\n")));
        assertThat(Files.readString(dir.resolve("saved.md")))
            .contains("$ docker network create open_net\n");
        s.cleanup();
      }
    }
  }
}
