package netbook.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import netbook.doctor.ChapterNeeds;
import netbook.doctor.Checkup;
import netbook.doctor.Finding;
import netbook.doctor.HostNetwork;
import netbook.doctor.ImageCheck;
import netbook.doctor.LocalChecks;
import netbook.doctor.PortCheck;
import netbook.doctor.SubnetCheck;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.EngineInfo;
import netbook.engine.docker.EngineDiscovery;
import netbook.engine.docker.EngineDiscovery.Candidate;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code netbook doctor}: before class, one screen: which engine and why, the chapters' images and
 * the lab images, the subnets the chapters ask for and Docker's address pools against this host's
 * networks, the ports the chapters publish, the terminal, the JDK. A line a finding (✓ · ! ✗), each
 * problem with its fix. Exit 0 when a class can start (warnings allowed), 1 otherwise. The checks
 * are in {@code netbook.doctor}; here, what only the process knows (environment, terminal).
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description =
        "Check this machine before class: the engine (which and why), images, free subnets and"
            + " ports for the chapters, the terminal, the JDK; each problem with its fix."
            + " With --verbose, every place a Docker engine is looked for.")
final class DoctorCommand implements Callable<Integer> {
  private final App app;

  @Option(
      names = "--notebooks",
      paramLabel = "DIR",
      description = "The chapters to check for (default: the installation's notebooks folder).")
  Path notebooks;

  DoctorCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() {
    PrintStream out = app.out();
    Settings s = app.settings();
    List<Finding> findings = new ArrayList<>();
    Path dir = notebooks != null ? notebooks : Installation.notebooks().orElse(null);
    ChapterNeeds needs = dir == null ? ChapterNeeds.of(List.of()) : ChapterNeeds.of(dir);
    if (dir == null) {
      findings.add(
          Finding.warn(
              "chapters",
              "no notebooks folder here or beside the installation",
              "run from the netbook checkout, or name one: --notebooks DIR"));
    }
    EngineFinding found = engine(s, out);
    findings.addAll(found.findings());
    if (found.engine() != null) {
      try (Engine engine = found.engine()) {
        findings.addAll(engineChecks(engine, found.local(), needs, s));
      } catch (EngineException e) {
        findings.add(
            Finding.problem(
                "engine", "the engine stopped answering: " + e.getMessage(), "start it again"));
      }
    }
    findings.add(terminal(s));
    findings.add(
        LocalChecks.jdk(
            Runtime.version(),
            ModuleLayer.boot().findModule("jdk.jshell"),
            System.getProperty("java.home")));
    Checkup checkup = new Checkup(findings);
    out.print(checkup);
    out.flush();
    return checkup.canStart() ? ExitCode.OK : ExitCode.FAILED;
  }

  private static List<Finding> engineChecks(
      Engine engine, boolean local, ChapterNeeds needs, Settings s) {
    List<Finding> out = new ArrayList<>();
    boolean embedded = engine.info().embedded();
    out.addAll(ImageCheck.check(engine, needs, s.offline()));
    List<HostNetwork> host = local && !embedded ? HostNetwork.local() : List.of();
    Path daemonJson = Path.of("/etc/docker/daemon.json");
    boolean custom = SubnetCheck.pools(daemonJson) != SubnetCheck.DOCKER_DEFAULT_POOLS;
    out.addAll(
        SubnetCheck.check(
            needs,
            host,
            engine.networks(),
            embedded ? null : SubnetCheck.pools(daemonJson),
            custom ? "daemon.json's" : "the defaults"));
    if (embedded) {
      out.add(Finding.info("networks", "modelled in-process: the host's networks are untouched"));
    }
    out.addAll(PortCheck.check(needs, PortCheck::bindTest, engine.containers(false)));
    return out;
  }

  /** The engine's findings, and the engine to check the rest with (null: none answered). */
  private record EngineFinding(List<Finding> findings, Engine engine, boolean local) {}

  private EngineFinding engine(Settings s, PrintStream out) {
    EngineChoice choice = app.engineChoice();
    List<Finding> f = new ArrayList<>();
    if (choice == EngineChoice.EMBEDDED) {
      Engine e = Engines.embedded(s);
      f.add(
          Finding.ok("engine", "embedded (" + choiceSource(s) + "): models " + versions(e.info())));
      return new EngineFinding(f, e, true);
    }
    List<Candidate> all;
    try {
      all = s.engineCandidates();
    } catch (EngineException e) {
      f.add(
          Finding.problem("engine", e.getMessage(), "docker context ls shows the ones there are"));
      return new EngineFinding(f, null, false);
    }
    if (app.verbose()) {
      places(out, all);
    }
    List<String> failed = new ArrayList<>();
    Candidate first = null;
    for (Candidate c : EngineDiscovery.toTry(all)) {
      first = first == null ? c : first;
      long t0 = System.nanoTime();
      Engines.Attempt a = Engines.attempt(c, Duration.ofSeconds(5));
      long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
      if (a.engine() == null) {
        failed.add(a.failure());
        continue;
      }
      for (String why : failed) {
        f.add(Finding.info("engine", "tried first: " + why));
      }
      try {
        EngineInfo i = a.engine().info();
        f.add(
            Finding.ok(
                "engine",
                versions(i)
                    + " via "
                    + c.source()
                    + (c.isPlainDefault() ? "" : " " + c.host())
                    + " ("
                    + ms
                    + " ms)"));
        a.engine().contexts(s.dockerConfig());
        return new EngineFinding(f, a.engine(), c.host().startsWith("unix://"));
      } catch (EngineException e) {
        a.engine().close();
        failed.add(e.getMessage());
      }
    }
    String why = failed.isEmpty() ? "no Docker engine found" : String.join("; ", failed);
    boolean named = first != null && first.explicit();
    if (choice == EngineChoice.DOCKER || s.requireDocker() || named) {
      f.add(
          Finding.problem(
              "engine",
              why,
              named
                  ? "start the Docker engine at "
                      + first.host()
                      + (first.source().startsWith("DOCKER_HOST")
                          ? ", or unset DOCKER_HOST for the default socket"
                          : ", or choose another: docker context use default")
                  : "start Docker (sudo systemctl start docker), or use --engine embedded"));
      return new EngineFinding(f, null, false);
    }
    Engine e = Engines.embedded(s);
    f.add(
        Finding.warn(
            "engine",
            why
                + ": the embedded engine stands in ("
                + versions(e.info())
                + "; modelled, not live)",
            "start Docker for live lessons, or say --engine embedded"));
    return new EngineFinding(f, e, true);
  }

  private static String versions(EngineInfo i) {
    return "Docker " + i.serverVersion() + ", API " + i.apiVersion();
  }

  /** --verbose: every place looked at, in order. */
  private static void places(PrintStream out, List<Candidate> all) {
    out.println("places a Docker engine is looked for, in order (the first that answers is used):");
    List<Candidate> toTry = EngineDiscovery.toTry(all);
    int i = 0;
    for (Candidate c : all) {
      out.printf(
          "  %d. %s (%s): %s%n",
          ++i, c.host(), c.source(), toTry.contains(c) ? "present" : "not present");
    }
  }

  private Finding terminal(Settings s) {
    String term = s.env().getOrDefault("TERM", "");
    if (System.console() == null) {
      return LocalChecks.terminal(false, 0, 0, term, s.noColor());
    }
    try (Terminal t = Terminals.system()) {
      return LocalChecks.terminal(true, t.getWidth(), t.getHeight(), term, s.noColor());
    } catch (java.io.IOException | RuntimeException e) {
      return Finding.warn("terminal", "cannot read its size: " + e.getMessage(), "");
    }
  }

  private String choiceSource(Settings s) {
    if (app.options().engine != null) {
      return "--engine " + app.options().engine;
    }
    return s.env().containsKey("NETBOOK_ENGINE") ? "NETBOOK_ENGINE" : "the default";
  }
}
