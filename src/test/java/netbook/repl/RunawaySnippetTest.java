package netbook.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import netbook.shell.EvalResult;
import netbook.shell.JavaShell;
import netbook.shell.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A snippet that catches Throwable survives Ctrl-C: after a grace period the JShell is reset. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // it hung before
class RunawaySnippetTest {
  private static final String RUNAWAY =
      "while (true) { try { Thread.sleep(100); } catch (Throwable e) {} }";

  private final ShellFixture fixture = new ShellFixture();
  private final Workspace repl = fixture.withoutEngine();
  private final ScheduledExecutorService ctrlC = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void close() {
    ctrlC.shutdownNow();
    repl.close();
    fixture.close();
  }

  @Test
  void ctrlCOnASnippetThatCatchesThrowableResetsTheJavaStateWithinTheGracePeriod()
      throws Exception {
    repl.begin();
    JavaShell shell = repl.shell();
    assertThat(shell.eval("int before = 7;").text(false)).isEqualTo("before ==> 7\n");

    // the user presses Ctrl-C again and again, as one does
    ctrlC.scheduleAtFixedRate(repl::stop, 300, 700, TimeUnit.MILLISECONDS);
    long start = System.nanoTime();
    EvalResult r = shell.eval(RUNAWAY);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    ctrlC.shutdownNow();

    assertThat(took).isLessThan(Duration.ofSeconds(10));
    Outcome last = r.outcomes().get(r.outcomes().size() - 1);
    assertThat(last.stateReset()).isTrue();
    assertThat(r.text(false))
        .isEqualTo(
            "the snippet ignored Ctrl-C: the Java state was reset (variables are gone);"
                + " your containers and networks are still there\n");

    // the same JavaShell goes on, fresh: the variable is gone, new input works, the API is there
    assertThat(repl.shell()).isSameAs(shell);
    assertThat(shell.eval("before").text(false)).startsWith("error: cannot find symbol");
    assertThat(shell.eval("1 + 1").text(false)).isEqualTo("2\n");
    assertThat(shell.eval("int after = 8;").text(false)).isEqualTo("after ==> 8\n");
    assertThat(shell.eval("after + 1").text(false)).isEqualTo("9\n");
  }

  @Test
  void aTimeoutOnSuchASnippetSaysSoAndResetsToo() throws Exception {
    repl.begin();
    JavaShell shell = repl.shell();
    long start = System.nanoTime();
    EvalResult r = shell.eval(RUNAWAY, Duration.ofSeconds(1), false);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(r.text(false))
        .isEqualTo(
            "the snippet ran longer than 1 s and ignored its stop: the Java state was reset"
                + " (variables are gone); your containers and networks are still there\n");
    assertThat(shell.eval("2 + 2").text(false)).isEqualTo("4\n");
  }

  @Test
  void theAbandonedSnippetStopsSpinningWithoutBlockingAnyone() throws Exception {
    repl.begin();
    JavaShell shell = repl.shell();
    // it ticks a system property (Properties.put holds a lock: it must not be suspended there)
    String ticking =
        "{ long n = 0; while (true) { try { Thread.sleep(5);"
            + " System.setProperty(\"netbook.runaway.ticks\", String.valueOf(++n));"
            + " System.out.print(\"\"); } catch (Throwable e) {} } }";
    ctrlC.schedule(repl::stop, 300, TimeUnit.MILLISECONDS);
    assertThat(shell.eval(ticking).outcomes().get(0).stateReset()).isTrue();
    Thread.sleep(1500); // the suspension tries every 100 ms
    String ticks = System.getProperty("netbook.runaway.ticks");
    Thread.sleep(500);
    assertThat(System.getProperty("netbook.runaway.ticks")).as("still ticking").isEqualTo(ticks);
    // System.out and the properties still work
    System.setProperty("netbook.runaway.other", "free");
    assertThat(shell.eval("System.out.println(\"printing\")").text(false)).isEqualTo("printing\n");
  }
}
