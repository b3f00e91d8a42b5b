package netbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An exercise chapter with its solutions put in before its verify cells. */
class SolutionsTest {
  private static final String EXERCISE =
      """
      # Ex

      ```java
      int setup = 1;
      ```

      ```java {verify name=one}
      expect(onNetwork("a", "n"), "hint");
      ```

      ```java {verify name=two}
      expect(onNetwork("b", "n"), "hint");
      ```
      """;

  @Test
  void solutionCellsGoBeforeTheVerifyCellTheyAreNamedAfter() {
    Notebook solved =
        Solutions.apply(
            NotebookParser.parse("ex.md", EXERCISE),
            NotebookParser.parse(
                "sol.md",
                """
                # Solutions

                ```java {name=two}
                int b = 2;
                ```

                ```java {name=one}
                int a = 1;
                ```
                """));
    assertThat(solved.file()).isEqualTo("ex.md");
    assertThat(solved.cells())
        .extracting(c -> c.source().strip())
        .containsExactly(
            "int setup = 1;",
            "int a = 1;",
            "expect(onNetwork(\"a\", \"n\"), \"hint\");",
            "int b = 2;",
            "expect(onNetwork(\"b\", \"n\"), \"hint\");");
    assertThat(solved.cells().get(2).attributes().verify()).isTrue();
    assertThat(solved.cells().get(1).attributes().verify()).isFalse();
  }

  @Test
  void aSolutionNamedAfterNoVerifyCellIsOneLineWithItsPlace() {
    assertThatThrownBy(
            () ->
                Solutions.apply(
                    NotebookParser.parse("ex.md", EXERCISE),
                    NotebookParser.parse("sol.md", "# S\n\n```java {name=three}\nint c;\n```\n")))
        .isInstanceOf(NotebookException.class)
        .hasMessage(
            "sol.md:3: solution 'three' matches no {verify name=…} cell of ex.md; name it after"
                + " the verify cell it solves, like {name=one}");
  }
}
