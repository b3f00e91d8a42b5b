package netbook.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netbook.engine.Engine;
import netbook.lab.Session;
import netbook.testing.RequiresDocker;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REPL's engine-facing parts on the real daemon: live names, :commands, cleanup. */
@RequiresDocker
class ReplDockerIT {
  Engine engine;
  Session session;
  ShellFixture fixture;
  Workspace repl;
  final String p = DockerFixture.prefix();

  @BeforeEach
  void start(Engine docker) {
    engine = docker;
    session = DockerFixture.session(engine);
    fixture = new ShellFixture();
    repl = fixture.with(session);
    repl.begin();
  }

  @AfterEach
  void stop() {
    try {
      session.cleanup();
    } finally {
      repl.close();
      fixture.close();
    }
  }

  int run(String input) throws Exception {
    return new ScriptRunner(repl, fixture.writer, false)
        .run(new BufferedReader(new StringReader(input)));
  }

  /** The candidates JLine would offer: those starting with the word typed. */
  List<String> complete(String line) {
    List<Candidate> out = new ArrayList<>();
    JavaLine jl = new JavaLine(line, line.length(), JavaParser.wordStart(line, line.length()));
    new JavaCompleter(Optional::empty, new NameCompleter(repl::engineNow)).complete(jl, out);
    return out.stream().map(Candidate::value).filter(v -> v.startsWith(jl.word())).toList();
  }

  @Test
  void completesLiveNetworkContainerAndImageNames() throws Exception {
    assertThat(run("net(\"" + p + "\").run(\"busybox\", name(\"" + p + "-a\"))\n")).isZero();
    assertThat(complete("net(\"" + p)).containsExactly(p + "\"");
    assertThat(complete("container(\"" + p)).containsExactly(p + "-a\"");
    assertThat(complete("net(\"x\").run(\"u\", name(\"b\")).ping(\"" + p)).contains(p + "-a\"");
    assertThat(complete("run(\"netbook/")).contains("netbook/toolbox\"");
    assertThat(complete("net(\"")).contains("bridge\"", "host\"", "none\"");
  }

  @Test
  void commandsShowTheEngineAndResetCleansUp() throws Exception {
    run("net(\"" + p + "\").run(\"busybox\", name(\"" + p + "-a\"))\n");
    fixture.clear();
    assertThat(run(":networks\n:containers\n:engine\n")).isZero();
    assertThat(fixture.output())
        .contains("NETWORK ID", p)
        .contains("CONTAINER ID", p + "-a")
        .contains("docker engine at")
        .contains("session " + session.id());
    fixture.clear();
    assertThat(repl.owned()).containsExactly("container " + p + "-a", "network " + p);
    assertThat(run(":reset\n")).isZero();
    assertThat(fixture.output())
        .startsWith("removed 1 container (" + p + "-a) and 1 network (" + p + ")\n");
    assertThat(repl.owned()).isEmpty();
  }

  @Test
  void aFailingApiCallIsOneLineAndTheSessionGoesOn() throws Exception {
    int failed = run("container(\"" + p + "-nothing\")\n1 + 1\n");
    assertThat(failed).isEqualTo(1);
    assertThat(fixture.output()).endsWith("2\n");
    assertThat(fixture.output().lines().count()).isEqualTo(2);
  }
}
