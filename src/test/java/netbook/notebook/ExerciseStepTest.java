package netbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import netbook.engine.Engine;
import netbook.engine.docker.DockerEngines;
import netbook.lab.Lab;
import netbook.lab.Session;
import netbook.lab.SessionConfig;
import org.junit.jupiter.api.Test;

/**
 * A learner in step mode on the embedded engine: the verify cell fails with its hint and what was
 * observed, the learner stays there, fixes it in the REPL ({@code r}), and Enter verifies again.
 */
class ExerciseStepTest {
  private static final String MD =
      """
      # Names

      ```java
      var alpha = run("ubuntu", name("ex_alpha"));
      var beta = run("ubuntu", name("ex_beta"));
      ```

      Make beta reach alpha by name.

      ```java {verify name=by-name}
      expect(reachable("ex_beta", "ex_alpha"), "put both on a network of your own");
      ```

      Done.
      """;

  @Test
  void aFailedVerifyWaitsForTheFixAndPassesOnEnter() throws Exception {
    String keys =
        "\n" // run the setup
            + "\n" // verify: fails
            + "r\n" // the REPL: the learner connects both to a network of their own
            + "\n"; // verify again: passes
    AtomicInteger fixes = new AtomicInteger();
    try (Engine engine = DockerEngines.embedded(OptionalLong.of(1));
        Harness h = new Harness()) {
      Session session =
          new Session(
              engine,
              new SessionConfig("exs", true, ProcessHandle.current().pid(), "", l -> {}, null));
      ReplHandoff learner =
          () ->
              Lab.within(
                  session,
                  () -> {
                    fixes.incrementAndGet();
                    Lab.net("ex_team");
                    Lab.container("ex_alpha").connect("ex_team");
                    Lab.container("ex_beta").connect("ex_team");
                  });
      FileReport r = step(h, keys, learner, session);
      String text = h.text();
      assertThat(text)
          .contains(
              "✗ put both on a network of your own\n  observed: ex_beta cannot resolve ex_alpha")
          .contains("not done yet: 1 of 1 check failed")
          .contains(StepRunner.VERIFY_PROMPT)
          .contains("✓ ex_beta reaches ex_alpha")
          .contains("✓ exercise done: its check passes")
          .contains("exercises: 1 of 1 done")
          .contains("Done.");
      assertThat(fixes).hasValue(1);
      assertThat(r.exercises()).isEqualTo(1);
      assertThat(r.exercisesDone()).isEqualTo(1);
      assertThat(r.failed()).as(text).isZero();
    }
  }

  @Test
  void skippingAFailedVerifyLeavesTheExerciseNotDone() throws Exception {
    try (Engine engine = DockerEngines.embedded(OptionalLong.of(1));
        Harness h = new Harness()) {
      Session session =
          new Session(
              engine,
              new SessionConfig("exs2", true, ProcessHandle.current().pid(), "", l -> {}, null));
      FileReport r = step(h, "\n\ns\n", () -> {}, session);
      assertThat(r.exercisesDone()).isZero();
      assertThat(r.failed()).isEqualTo(1);
      assertThat(h.text()).contains("exercises: 0 of 1 done");
    }
  }

  private static FileReport step(Harness h, String keys, ReplHandoff repl, Session session)
      throws Exception {
    return StepRunnerTest.step(h, keys, repl, session, MD);
  }
}
