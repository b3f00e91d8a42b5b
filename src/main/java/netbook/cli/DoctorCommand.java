package netbook.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import netbook.engine.EngineException;
import netbook.engine.docker.DockerEngine;
import netbook.engine.docker.EngineDiscovery;
import netbook.engine.docker.EngineDiscovery.Candidate;
import picocli.CommandLine.Command;

/**
 * {@code netbook doctor}: where netbook looks for a Docker engine, in order, what answered there
 * (product, version, API, how long it took) and, for each place that did not, the fix. Exit 0 when
 * a Docker engine answers or the embedded engine is chosen, 1 otherwise.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description =
        "Say which Docker engine netbook would use and why: the places tried in order, what"
            + " answered, its API version, and how to fix what did not.")
final class DoctorCommand implements Callable<Integer> {
  private final App app;

  DoctorCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() {
    PrintStream out = app.out();
    Settings s = app.settings();
    EngineChoice choice = app.engineChoice();
    out.println("engine choice: " + choice.name().toLowerCase() + choiceSource(s));
    out.println("DOCKER_HOST: " + orNotSet(s.env().get("DOCKER_HOST")));
    out.println("DOCKER_CONTEXT: " + orNotSet(s.env().get("DOCKER_CONTEXT")));
    out.println(
        "docker config: "
            + EngineDiscovery.configDir(s.env(), s.home())
            + (s.env().containsKey("DOCKER_CONFIG") ? " (DOCKER_CONFIG)" : ""));
    if (choice == EngineChoice.EMBEDDED) {
      out.println("using the embedded engine: no Docker engine is looked for");
      return ExitCode.OK;
    }
    List<Candidate> all;
    try {
      all = s.engineCandidates();
    } catch (EngineException e) {
      out.println("problem: " + e.getMessage());
      return ExitCode.FAILED;
    }
    out.println("places, in the order tried (the first that answers is used):");
    List<Candidate> toTry = EngineDiscovery.toTry(all);
    List<String> fixes = new ArrayList<>();
    Candidate chosen = null;
    String chosenWhat = "";
    int i = 0;
    for (Candidate c : all) {
      i++;
      String head = String.format("  %d. %s%n     %s: ", i, c.host(), c.source());
      if (!toTry.contains(c)) {
        out.println(head + "not present");
        continue;
      }
      if (chosen != null) {
        out.println(head + "present, not tried (an earlier place answered)");
        continue;
      }
      long t0 = System.nanoTime();
      Engines.Attempt a = Engines.attempt(c, Duration.ofSeconds(5));
      long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
      if (a.engine() == null) {
        out.println(head + "does not answer (" + ms + " ms)");
        fixes.add(a.failure());
        continue;
      }
      try (DockerEngine e = a.engine()) {
        chosenWhat = e.describe();
        out.println(head + "answers in " + ms + " ms: " + chosenWhat);
        chosen = c;
      } catch (EngineException ex) {
        out.println(head + "answered the ping, then failed: " + ex.getMessage());
        fixes.add(ex.getMessage());
      }
    }
    if (chosen != null) {
      out.println("netbook uses: " + chosen.host() + " (" + chosen.source() + ")");
    } else if (choice == EngineChoice.DOCKER || s.requireDocker()) {
      out.println("netbook finds no Docker engine and may not use the embedded one");
    } else {
      out.println(
          "netbook uses: the embedded engine (no Docker engine answers; results are modelled,"
              + " not live)");
    }
    if (!fixes.isEmpty()) {
      out.println("to fix:");
      for (String f : fixes) {
        out.println("  - " + f);
      }
    }
    return chosen != null ? ExitCode.OK : ExitCode.FAILED;
  }

  private String choiceSource(Settings s) {
    if (app.options().engine != null) {
      return " (--engine)";
    }
    return s.env().containsKey("NETBOOK_ENGINE") ? " (NETBOOK_ENGINE)" : " (the default)";
  }

  private static String orNotSet(String v) {
    return v == null || v.isBlank() ? "not set" : v;
  }
}
