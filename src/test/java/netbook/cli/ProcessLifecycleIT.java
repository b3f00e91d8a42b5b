package netbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import netbook.engine.Engine;
import netbook.testing.ProcessSignals;
import netbook.testing.RealDocker;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/netbook as real processes and real signals: a kill -9'd session's containers are reaped by
 * the next start (and a session running beside it keeps its own); SIGTERM cleans up and exits; end
 * of input cleans up; SIGINT in {@code run} stops the running cell and the notebook goes on.
 */
class ProcessLifecycleIT {
  private static final Path LAUNCHER = Path.of("bin/netbook").toAbsolutePath();

  @TempDir Path tmp;
  private final List<Process> started = new ArrayList<>();

  record Launched(Process process, Path output) {
    String text() throws IOException {
      return Files.readString(output, StandardCharsets.UTF_8);
    }

    void send(String line) throws IOException {
      OutputStream in = process.getOutputStream();
      in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
    }

    /**
     * Waits until the output has {@code line} as a whole line (not only inside a cell's source).
     */
    void awaitLine(String line) throws InterruptedException {
      await(
          "the line " + line,
          Duration.ofSeconds(120),
          () -> {
            try {
              return text().contains("\n" + line + "\n");
            } catch (IOException x) {
              return false;
            }
          });
    }

    int exit(Duration within) throws InterruptedException {
      if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("bin/netbook did not exit within " + within);
      }
      return process.exitValue();
    }
  }

  private Launched launch(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().put("NETBOOK_OFFLINE", "1");
    pb.environment().put("NO_COLOR", "1");
    Process p = pb.start();
    started.add(p);
    return new Launched(p, out);
  }

  private static void await(String what, Duration within, BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + within + " waiting for " + what);
      }
      Thread.sleep(200);
    }
  }

  private static void signal(String sig, Process p) throws Exception {
    Process k = new ProcessBuilder("kill", "-" + sig, String.valueOf(p.pid())).start();
    assertThat(k.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }

  private void killStarted() {
    for (Process p : started) {
      p.destroyForcibly();
    }
  }

  @Test
  @RequiresDocker
  void aKilledSessionIsReapedByTheNextStartAndALiveOneKeepsItsOwn(Engine e) throws Exception {
    String crash = RealDocker.unique("crash");
    String live = RealDocker.unique("live");
    try {
      Launched a = launch("--engine", "docker");
      Launched b = launch("--engine", "docker");
      a.send("run(\"ubuntu\", name(\"" + crash + "\"))");
      b.send("run(\"ubuntu\", name(\"" + live + "\"))");
      await(
          "both containers",
          Duration.ofSeconds(120),
          () -> e.findContainer(crash).isPresent() && e.findContainer(live).isPresent());
      signal("KILL", a.process());
      a.exit(Duration.ofSeconds(20));
      assertThat(e.findContainer(crash)).as("left by the killed session").isPresent();

      Launched c = launch("--engine", "docker");
      c.process().getOutputStream().write("1 + 1\n".getBytes(StandardCharsets.UTF_8));
      c.process().getOutputStream().close();
      assertThat(c.exit(Duration.ofSeconds(120))).as(c.text()).isZero();
      assertThat(c.text())
          .containsPattern(
              "netbook: removed \\d+ containers? \\([^)]*"
                  + crash
                  + "[^)]*\\) and \\d+ networks?.* left by crashed sessions \\(pid [0-9, ]*"
                  + a.process().pid())
          .containsPattern("(?m)^2$"); // (the reaper's line comes when the engine opens)
      assertThat(e.findContainer(crash)).isEmpty();
      assertThat(e.findContainer(live)).as("the live session's container").isPresent();

      // end of input: the live session removes its own and exits
      b.process().getOutputStream().close();
      assertThat(b.exit(Duration.ofSeconds(60))).as(b.text()).isZero();
      assertThat(b.text()).contains("removed 1 container (" + live + ")");
      assertThat(e.findContainer(live)).isEmpty();
    } finally {
      killStarted();
      for (String n : List.of(crash, live)) {
        e.findContainer(n).ifPresent(c -> e.removeContainer(c.id(), true));
      }
    }
  }

  /**
   * SIGTERM while the snippet that made the container still runs: the termination stops it and
   * waits for it to unwind before cleaning up (cut off mid-call, its unwinding shut docker-java's
   * connection pool under the cleanup: "cleanup failed: list networks: … Connection pool shut
   * down", in about half the runs). Three rounds, each must clean up.
   */
  @Test
  @RequiresDocker
  void sigtermDuringTheSnippetCleansUpEveryTime(Engine e) throws Exception {
    for (int round = 1; round <= 3; round++) {
      String name = RealDocker.unique("term" + round);
      try {
        Launched d = launch("--engine", "docker");
        d.send("run(\"ubuntu\", name(\"" + name + "\"))");
        // the moment the container exists, while run(…) still starts it
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (e.findContainer(name).isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        signal("TERM", d.process());
        d.exit(Duration.ofSeconds(20));
        assertThat(d.text())
            .as("round " + round)
            .contains("netbook: terminated; removed 1 container (" + name + ")");
        assertThat(e.findContainer(name)).isEmpty();
      } finally {
        killStarted();
        e.findContainer(name).ifPresent(c -> e.removeContainer(c.id(), true));
      }
    }
  }

  @Test
  @RequiresDocker
  void sigtermCleansUpAndExits(Engine e) throws Exception {
    String name = RealDocker.unique("term");
    try {
      Launched d = launch("--engine", "docker");
      d.send("run(\"ubuntu\", name(\"" + name + "\"))");
      await("the container", Duration.ofSeconds(120), () -> e.findContainer(name).isPresent());
      signal("TERM", d.process());
      d.exit(Duration.ofSeconds(20));
      assertThat(d.text()).contains("netbook: terminated; removed 1 container (" + name + ")");
      assertThat(e.findContainer(name)).isEmpty();
    } finally {
      killStarted();
      e.findContainer(name).ifPresent(c -> e.removeContainer(c.id(), true));
    }
  }

  /**
   * SIGTERM while a notebook's cell runs: the shutdown hook cleans the session up while the main
   * thread's notebook end waits for it (they raced before: "cleanup failed: Connection pool shut
   * down" in about half the soak's SIGTERMs, the engine closed under the hook's cleanup).
   */
  @Test
  @RequiresDocker
  void sigtermDuringARunCleansUpOnceAndCompletely(Engine e) throws Exception {
    for (int round = 0; round < 3; round++) {
      String name = RealDocker.unique("termrun");
      Path nb = tmp.resolve("term" + round + ".md");
      Files.writeString(
          nb,
          "# Terminated\n\n```java\nrun(\"netbook/toolbox\", name(\""
              + name
              + "\"));\nSystem.out.println(\"sleeping\");\n```\n\n```java\nThread.sleep(120_000);\n```\n",
          StandardCharsets.UTF_8);
      try {
        Launched r = launch("run", "--engine", "docker", nb.toString());
        r.awaitLine("sleeping");
        signal("TERM", r.process());
        r.exit(Duration.ofSeconds(30));
        assertThat(r.text())
            .contains("removed 1 container (" + name + ")")
            .doesNotContain("cleanup failed")
            .doesNotContain("\tat ");
        assertThat(e.findContainer(name)).isEmpty();
      } finally {
        killStarted();
        e.findContainer(name).ifPresent(c -> e.removeContainer(c.id(), true));
      }
    }
  }

  @Test
  void sigintStopsTheRunningCellOfARunAndTheNotebookGoesOn() throws Exception {
    ProcessSignals.requireSigintDelivered();
    File nb = tmp.resolve("sleepy.md").toFile();
    Files.writeString(
        nb.toPath(),
        "# Sleepy\n\n```java\nSystem.out.println(\"sleeping\");\nThread.sleep(120_000);\n```\n\n"
            + "```java\n"
            + "System.out.println(\"after \" + (20 + 22));\n```\n",
        StandardCharsets.UTF_8);
    try {
      Launched r = launch("run", "--engine", "embedded", nb.toString());
      // the cell's own output line (its source shows "sleeping" only in quotes): the cell runs
      r.awaitLine("sleeping");
      signal("INT", r.process());
      int code = r.exit(Duration.ofSeconds(60));
      assertThat(r.text())
          .contains("sleepy.md:3 (cell 1): failed: stopped by Ctrl-C")
          .contains("after 42")
          .contains("1 passed, 1 failed")
          .doesNotContain("\tat ");
      assertThat(code).isEqualTo(1);
    } finally {
      killStarted();
    }
  }

  /** Piped input, a container, then System.exit(3): what the rest of the input would do. */
  private Launched pipedExit(String engine, String name) throws IOException {
    Launched d = launch("--engine", engine);
    d.process()
        .getOutputStream()
        .write(
            ("run(\"ubuntu\", name(\""
                    + name
                    + "\"))\n"
                    + "System.out.println(\"before exit\")\n"
                    + "System.exit(3)\n"
                    + "System.out.println(\"after \" + (40 + 2))\n")
                .getBytes(StandardCharsets.UTF_8));
    d.process().getOutputStream().close();
    return d;
  }

  @Test
  void systemExitInPipedInputCleansUpAndExitsWithItsStatus() throws Exception {
    String name = "exiting_" + Long.toHexString(System.nanoTime());
    try {
      Launched d = pipedExit("embedded", name);
      int code = d.exit(Duration.ofSeconds(60)); // it hung forever before
      assertThat(d.text())
          .contains("before exit")
          .contains(
              "netbook: a snippet called System.exit(3): cleaned up (removed 1 container ("
                  + name
                  + ") and 0 networks), exiting with 3")
          .doesNotContain("after 42")
          .doesNotContain("\tat ");
      assertThat(code).as(d.text()).isEqualTo(3);
    } finally {
      killStarted();
    }
  }

  @Test
  @RequiresDocker
  void systemExitInPipedInputRemovesTheRealContainer(Engine e) throws Exception {
    String name = RealDocker.unique("exit");
    try {
      Launched d = pipedExit("docker", name);
      int code = d.exit(Duration.ofSeconds(120));
      assertThat(d.text())
          .contains("netbook: a snippet called System.exit(3): cleaned up (removed 1 container")
          .contains("exiting with 3");
      assertThat(code).as(d.text()).isEqualTo(3);
      assertThat(e.findContainer(name)).isEmpty();
    } finally {
      killStarted();
      e.findContainer(name).ifPresent(c -> e.removeContainer(c.id(), true));
    }
  }

  @Test
  void systemExitInARunIsSaidAsSuchNotAsCtrlC() throws Exception {
    File nb = tmp.resolve("exits.md").toFile();
    Files.writeString(
        nb.toPath(),
        "# Exits\n\n```java\nrun(\"ubuntu\", name(\"leaver\"));\nSystem.exit(4);\n```\n\n"
            + "```java\nSystem.out.println(\"after \" + (20 + 22));\n```\n",
        StandardCharsets.UTF_8);
    try {
      Launched r = launch("run", "--engine", "embedded", nb.toString());
      int code = r.exit(Duration.ofSeconds(60));
      assertThat(r.text())
          .contains("netbook: a snippet called System.exit(4): cleaned up (removed 1 container")
          .contains("exiting with 4")
          .doesNotContain("Ctrl-C")
          .doesNotContain("after 42");
      assertThat(code).as(r.text()).isEqualTo(4);
    } finally {
      killStarted();
    }
  }
}
