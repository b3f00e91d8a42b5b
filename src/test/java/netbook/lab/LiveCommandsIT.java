package netbook.lab;

import static netbook.lab.Lab.name;
import static netbook.lab.Lab.net;
import static netbook.testing.RealDocker.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import netbook.NetbookException;
import netbook.engine.Engine;
import netbook.engine.ExecResult;
import netbook.testing.RealDocker;
import netbook.testing.RequiresDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commands run live (the REPL's way) on the real daemon: their lines arrive while they still run,
 * and Ctrl-C — netbook's, or a JShell stop of the waiting thread — ends the process inside the
 * container, not only the wait for it.
 */
@RequiresDocker
class LiveCommandsIT {
  private Engine engine;
  private Session session;
  private Lab.Binding binding;
  private final List<String> chunks = new CopyOnWriteArrayList<>();

  @BeforeEach
  void open(Engine docker) {
    engine = docker;
    session = RealDocker.session(docker, new CopyOnWriteArrayList<>());
    binding = Lab.bind(session);
  }

  @AfterEach
  void close() {
    session.liveOutput(null);
    try {
      session.cleanup();
    } finally {
      binding.close();
    }
  }

  private Container[] pair() {
    Network n = net(unique("live"));
    Container a = n.run("busybox", name(unique("live_a")));
    Container b = n.run("busybox", name(unique("live_b")));
    return new Container[] {a, b};
  }

  @Test
  void pingLinesArriveWhileItRuns() {
    Container[] ab = pair();
    AtomicBoolean returned = new AtomicBoolean();
    List<String> early = new CopyOnWriteArrayList<>();
    session.liveOutput(
        s -> {
          chunks.add(s);
          if (!returned.get()) {
            early.add(s);
          }
        });
    PingResult r = ab[0].ping(ab[1].name(), 3);
    returned.set(true);
    assertThat(r.received()).as("output %s chunks %s", r.output(), chunks).isEqualTo(3);
    assertThat(String.join("", early)).contains("seq=0").contains("seq=2");
    assertThat(String.join("", chunks)).isEqualTo(r.output()).doesNotContain("\r");
  }

  @Test
  void ctrlCEndsThePingInsideTheContainer() throws Exception {
    Container[] ab = pair();
    CountDownLatch twoReplies = new CountDownLatch(2);
    session.liveOutput(
        s -> {
          chunks.add(s);
          s.lines().filter(l -> l.contains("seq=")).forEach(l -> twoReplies.countDown());
        });
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t =
        new Thread(
            () -> {
              try {
                ab[0].ping(ab[1].name(), 60);
              } catch (Throwable e) {
                thrown.set(e);
              }
            });
    t.start();
    assertThat(twoReplies.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(pingRunning(ab[0])).isTrue();
    assertThat(session.interruptCommands()).isTrue();
    t.join(10_000);
    assertThat(t.isAlive()).isFalse();
    assertThat(thrown.get())
        .isInstanceOf(NetbookException.class)
        .hasMessageStartingWith("stopped (Ctrl-C): 'ping -c 60");
    assertThat(String.join("", chunks)).contains("packets transmitted"); // ping's own summary
    assertThat(pingRunning(ab[0])).isFalse();
  }

  @Test
  @SuppressWarnings({"deprecation", "removal"})
  void aStoppedSnippetThreadTakesItsPingWithIt() throws Exception {
    Container[] ab = pair();
    CountDownLatch firstReply = new CountDownLatch(1);
    session.liveOutput(s -> firstReply.countDown());
    Thread t = new Thread(() -> ab[0].ping(ab[1].name(), 60));
    t.setUncaughtExceptionHandler((th, e) -> {});
    t.start();
    assertThat(firstReply.await(30, TimeUnit.SECONDS)).isTrue();
    t.stop(); // what JShell's stop does to a snippet's thread on JDK 17
    t.join(10_000);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (pingRunning(ab[0]) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(pingRunning(ab[0])).isFalse();
    // and the engine's connections still serve the next call
    assertThat(ab[0].sh("echo still here").output()).isEqualTo("still here\n");
  }

  @Test
  void aShellLineIsStoppedWithItsChildren() throws Exception {
    Container[] ab = pair();
    CountDownLatch started = new CountDownLatch(1);
    session.liveOutput(
        s -> {
          chunks.add(s); // (a terminal's first byte comes alone: "g", then "o\n")
          if (String.join("", chunks).contains("go\n")) {
            started.countDown();
          }
        });
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t =
        new Thread(
            () -> {
              try {
                ab[0].sh("echo go; sleep 300; echo never");
              } catch (Throwable e) {
                thrown.set(e);
              }
            });
    t.start();
    assertThat(started.await(30, TimeUnit.SECONDS)).as("thrown %s", thrown).isTrue();
    assertThat(session.interruptCommands()).isTrue();
    t.join(10_000);
    assertThat(thrown.get()).hasMessageContaining("stopped (Ctrl-C)");
    session.liveOutput(null);
    ExecResult ps = ab[0].sh("ps");
    assertThat(ps.output()).doesNotContain("sleep 300");
  }

  /** Asked without the live path, so the question is not part of what the test watches. */
  private boolean pingRunning(Container c) {
    return engine.exec(c.info().id(), List.of("pidof", "ping"), Duration.ofSeconds(10)).ok();
  }
}
