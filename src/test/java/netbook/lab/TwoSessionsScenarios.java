package netbook.lab;

import static netbook.lab.Lab.adoptNet;
import static netbook.lab.Lab.container;
import static netbook.lab.Lab.name;
import static netbook.lab.Lab.net;
import static netbook.testing.RealDocker.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import netbook.NetbookException;
import netbook.console.CommandResult;
import netbook.console.DockerConsole;
import netbook.engine.Engine;
import netbook.engine.NetworkInfo;
import netbook.testing.RealDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.5: two netbook sessions on one engine using the same lesson names. Docker's names are
 * one per daemon: the second session's create is refused in one line naming the first session (pid,
 * when it started) and the way out; it never adopts, addresses or joins the first one's resources,
 * and the first one's are untouched. {@link TwoSessionsTest} runs these on the embedded engine,
 * {@link TwoSessionsIT} on the real daemon.
 */
abstract class TwoSessionsScenarios {
  Engine engine;
  Session first;
  Session second;

  /** Opens the engine and the two sessions on it; called before each test. */
  final void open(Engine e) {
    engine = e;
    first = RealDocker.session(e);
    second = RealDocker.session(e);
  }

  abstract void closeEngine();

  @AfterEach
  void cleanUp() {
    try {
      if (second != null) {
        second.cleanup();
      }
      if (first != null) {
        first.cleanup();
      }
    } finally {
      closeEngine();
    }
  }

  /** The start of the line that names the first session. */
  String namesFirst() {
    return "another netbook session (pid " + ProcessHandle.current().pid() + ", started ";
  }

  static <T> T in(Session s, Supplier<T> body) {
    List<T> out = new ArrayList<>();
    Lab.within(s, () -> out.add(body.get()));
    return out.get(0);
  }

  static void inVoid(Session s, Runnable body) {
    Lab.within(s, body);
  }

  @Test
  void theSecondSessionsNamesAreRefusedWithALineNamingTheFirst() {
    String n = unique("tws_net");
    String a = unique("tws_a");
    in(first, () -> net(n).run(LabImages.TOOLBOX, name(a)));

    assertThatThrownBy(() -> inVoid(second, () -> net(n)))
        .isInstanceOf(NetbookException.class)
        .hasMessageStartingWith("network " + n + " belongs to " + namesFirst())
        .hasMessageContaining("use another name, e.g. net(\"" + n + "_")
        .hasMessageContaining("run one session at a time");
    String mine = unique("tws_mine");
    assertThatThrownBy(() -> inVoid(second, () -> net(mine).run(LabImages.TOOLBOX, name(a))))
        .isInstanceOf(NetbookException.class)
        .hasMessageStartingWith("container " + a + " belongs to " + namesFirst())
        .hasMessageContaining("name(\"" + a + "_");
    assertThatThrownBy(() -> inVoid(second, () -> container(a)))
        .hasMessageStartingWith("container " + a + " belongs to " + namesFirst());
    assertThatThrownBy(() -> inVoid(second, () -> adoptNet(n)))
        .isInstanceOf(Ownership.Refused.class)
        .hasMessageStartingWith(
            "refusing to adopt network " + n + ": it belongs to " + namesFirst());

    DockerConsole console = DockerConsole.of(second);
    CommandResult create = in(second, () -> console.run("docker network create " + n));
    assertThat(create.exitCode()).isNotZero();
    assertThat(create.output())
        .startsWith("network " + n + " belongs to " + namesFirst())
        .doesNotContain("ambiguous");
    CommandResult run =
        in(second, () -> console.run("docker run -d --name " + a + " netbook/toolbox sleep 60"));
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.output()).startsWith("container " + a + " belongs to " + namesFirst());
    CommandResult join =
        in(
            second,
            () ->
                console.run("docker run -d --adopt --network " + n + " netbook/toolbox sleep 60"));
    assertThat(join.exitCode()).isNotZero();
    assertThat(join.output()).contains("it belongs to " + namesFirst());

    // the first session's network and container are as it left them: one network of that name,
    // one member
    List<NetworkInfo> named = engine.networks().stream().filter(x -> x.name().equals(n)).toList();
    assertThat(named).hasSize(1);
    assertThat(first.owns(named.get(0).labels())).isTrue();
    assertThat(engine.findNetwork(n).orElseThrow().endpoints())
        .extracting(e -> e.containerName())
        .containsExactly(a);
    assertThat(in(first, () -> container(a).info().state())).isEqualTo("running");
  }

  @Test
  void twoSessionsCreatingOneNameAtOnceLeaveOneNetworkAndOneClearLine() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 6; round++) {
        String n = unique("tws_race");
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<String>> tries = new ArrayList<>();
        for (Session s : List.of(first, second)) {
          tries.add(
              pool.submit(
                  () ->
                      in(
                          s,
                          () -> {
                            try {
                              start.await(10, TimeUnit.SECONDS);
                              net(n).run(LabImages.TOOLBOX, name(n + (s == first ? "_1" : "_2")));
                              return "ok";
                            } catch (NetbookException e) {
                              return e.getMessage();
                            } catch (Exception e) {
                              return e.toString();
                            }
                          })));
        }
        List<String> said = new ArrayList<>();
        for (Future<String> f : tries) {
          said.add(f.get(60, TimeUnit.SECONDS));
        }
        assertThat(said).as("round %d", round).containsOnlyOnce("ok");
        String refused = said.get(said.get(0).equals("ok") ? 1 : 0);
        assertThat(refused)
            .as("round %d", round)
            .startsWith("network " + n + " belongs to " + namesFirst())
            .doesNotContain("ambiguous");
        assertThat(engine.networks().stream().filter(x -> x.name().equals(n)).count())
            .as("round %d", round)
            .isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
