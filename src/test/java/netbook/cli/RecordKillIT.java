package netbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record} killed with SIGKILL at random moments, and at the very moment it starts writing,
 * never leaves a cut notebook: after every kill the file is exactly its old content or exactly the
 * new one. Runs {@code netbook.cli.Main record} on the embedded engine as a real process.
 */
class RecordKillIT {
  private static final Duration BUDGET = Duration.ofSeconds(150);

  @TempDir Path tmp;

  /** About 6 MB of prose and 40 Java cells of 18 KB output each. */
  private static String bigNotebook() {
    StringBuilder sb = new StringBuilder("# big\n\n");
    for (int i = 0; i < 40; i++) {
      String prose = "Prose line " + i + " of a long chapter, with words to fill it out nicely.\n";
      sb.append(prose.repeat(2000));
      sb.append("\n```java\n\"cell ").append(i).append(" \".repeat(3000)\n```\n\n");
    }
    return sb.toString();
  }

  private Process record(Path nb) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                "-Duser.home=" + tmp.resolve("home"),
                "-cp",
                System.getProperty("java.class.path"),
                "netbook.cli.Main",
                "record",
                "--engine",
                "embedded",
                "--no-color",
                nb.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("out.txt").toFile());
    pb.environment().put("NETBOOK_OFFLINE", "1");
    pb.environment().put("NO_COLOR", "1");
    return pb.start();
  }

  private static boolean writing(Path nb, long size, FileTime mtime) {
    try (Stream<Path> s = Files.list(nb.getParent())) {
      return s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp"))
          || Files.size(nb) != size
          || !Files.getLastModifiedTime(nb).equals(mtime);
    } catch (IOException e) {
      return true; // between a rename's steps: a sign of writing too
    }
  }

  @Test
  void killNineDuringRecordLeavesTheOldOrTheNewNotebookNeverACutOne() throws Exception {
    long deadline = System.nanoTime() + BUDGET.toNanos();
    Files.createDirectories(tmp.resolve("home"));
    Path dir = Files.createDirectories(tmp.resolve("nb"));
    Path nb = dir.resolve("big.md");
    byte[] old = bigNotebook().getBytes(java.nio.charset.StandardCharsets.UTF_8);

    // once uninterrupted: the new content, and how long a run takes
    Files.write(nb, old);
    long t0 = System.nanoTime();
    Process full = record(nb);
    assertThat(full.waitFor(60, TimeUnit.SECONDS)).as("an uninterrupted record ends").isTrue();
    long runNanos = System.nanoTime() - t0;
    assertThat(full.exitValue()).as(Files.readString(tmp.resolve("out.txt"))).isZero();
    byte[] fresh = Files.readAllBytes(nb);
    assertThat(fresh).isNotEqualTo(old);

    Random random = new Random(18);
    List<String> outcomes = new ArrayList<>();
    for (int round = 0; round < 4 && System.nanoTime() < deadline; round++) {
      Files.write(nb, old);
      long size = Files.size(nb);
      FileTime mtime = Files.getLastModifiedTime(nb);
      boolean atFirstWrite = round % 2 == 0;
      // random rounds kill anywhere in the last 40% of a run, where parsing ends and writing is
      long at = (long) (runNanos * (0.6 + 0.5 * random.nextDouble()));
      Process p = record(nb);
      long start = System.nanoTime();
      while (p.isAlive()) {
        long now = System.nanoTime();
        if (atFirstWrite ? writing(nb, size, mtime) : now - start >= at) {
          break;
        }
        if (now - start > TimeUnit.SECONDS.toNanos(60)) {
          break;
        }
        if (!atFirstWrite) {
          Thread.sleep(1);
        }
      }
      boolean killed = p.isAlive();
      p.destroyForcibly(); // SIGKILL
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
      byte[] now = Files.readAllBytes(nb);
      String what = Arrays.equals(now, old) ? "old" : Arrays.equals(now, fresh) ? "new" : "CUT";
      outcomes.add(
          (atFirstWrite ? "at first write" : "at random")
              + (killed ? "" : " (ended)")
              + ": "
              + what);
      assertThat(what)
          .as(
              "round %d, %s: the notebook is %d bytes (old %d, new %d)",
              round, outcomes, now.length, old.length, fresh.length)
          .isNotEqualTo("CUT");
      try (Stream<Path> s = Files.list(dir)) {
        for (Path left : s.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
          Files.delete(left); // what a kill mid-write leaves beside it: never the notebook
        }
      }
    }
    assertThat(outcomes).as("rounds run within the budget").hasSizeGreaterThanOrEqualTo(4);
    assertThat(outcomes.stream().filter(o -> o.startsWith("at first write")))
        .as("the kills at the first write land while netbook runs: %s", outcomes)
        .noneMatch(o -> o.contains("(ended)"));
  }
}
