package netbook.lab;

import static netbook.lab.Exercises.expect;
import static netbook.lab.Exercises.isolated;
import static netbook.lab.Exercises.onNetwork;
import static netbook.lab.Exercises.published;
import static netbook.lab.Exercises.reachable;
import static netbook.lab.Exercises.resolves;
import static netbook.lab.Lab.alias;
import static netbook.lab.Lab.container;
import static netbook.lab.Lab.name;
import static netbook.lab.Lab.net;
import static netbook.lab.Lab.publish;
import static netbook.lab.Lab.run;
import static netbook.testing.RealDocker.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import netbook.engine.Engine;
import netbook.testing.RealDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The checks API of the exercises ({@link Exercises}) as one set of scenarios for both engines:
 * {@link ExercisesTest} on the embedded engine, {@link ExercisesIT} on the real Docker daemon. Each
 * check is seen to pass where the lesson says it should, and to fail with the observation that
 * tells a learner why where it should not.
 */
abstract class ExerciseScenarios {
  Session session;
  private Lab.Binding binding;
  final List<String> notices = new ArrayList<>();

  final void open(Engine e) {
    session = RealDocker.session(e, notices);
    binding = Lab.bind(session);
  }

  abstract void closeEngine();

  @AfterEach
  void cleanUp() {
    try {
      if (session != null) {
        session.cleanup();
      }
    } finally {
      if (binding != null) {
        binding.close();
      }
      closeEngine();
    }
  }

  @Test
  void namesResolveOnANetworkOfTheirOwnAndNotOnTheDefaultBridge() {
    String a = unique("xa");
    String b = unique("xb");
    run("ubuntu", name(a));
    run("ubuntu", name(b));

    Check onBridge = reachable(b, a);
    assertThat(onBridge.passed()).isFalse();
    assertThat(onBridge.observed())
        .isEqualTo(
            b
                + " cannot resolve "
                + a
                + ": "
                + b
                + " and "
                + a
                + " share only the default bridge, where names do not resolve (use a network of"
                + " your own)");
    assertThat(resolves(b, a).passed()).isFalse();
    assertThat(reachable(b, container(a).ip()).passed()).as("by address, on the bridge").isTrue();

    String n = unique("xnet");
    net(n);
    container(a).connect(n);
    container(b).connect(n);
    Check byName = reachable(b, a);
    assertThat(byName.passed()).as(byName.toString()).isTrue();
    assertThat(byName.toString()).isEqualTo("✓ " + b + " reaches " + a);
    Check looked = resolves(b, a);
    assertThat(looked.passed()).isTrue();
    assertThat(looked.observed()).isEqualTo(a + " is " + container(a).ip(n));
  }

  @Test
  void containersOnTwoNetworksAreIsolatedAndSaySo() {
    String front = unique("xfront");
    String back = unique("xback");
    String fe = unique("xfe");
    String be = unique("xbe");
    net(front).run("ubuntu", name(fe));
    Container store = net(back).run("ubuntu", name(be));

    Check apart = isolated(fe, be);
    assertThat(apart.passed()).as(apart.toString()).isTrue();
    Check byAddress = reachable(fe, store.ip());
    assertThat(byAddress.passed()).isFalse();
    assertThat(byAddress.observed())
        .isEqualTo(
            fe
                + " has no way to "
                + store.ip()
                + " ("
                + be
                + " on "
                + back
                + "): "
                + fe
                + " is only on "
                + front);
    Check byName = reachable(fe, be);
    assertThat(byName.observed())
        .isEqualTo(
            fe
                + " cannot resolve "
                + be
                + ": "
                + fe
                + " is only on "
                + front
                + ", "
                + be
                + " is only on "
                + back);

    container(fe).connect(back);
    Check together = isolated(fe, be);
    assertThat(together.passed()).isFalse();
    assertThat(together.observed())
        .isEqualTo(fe + " reaches " + be + " at " + store.ip() + " (" + back + ")");
  }

  @Test
  void anAliasResolvesAndAMissingNameSaysWhatThereIs() {
    String n = unique("xdb");
    String app = unique("xapp");
    String db = unique("xdb");
    net(n).run("ubuntu", name(app));
    Check missing = resolves(app, "database");
    assertThat(missing.passed()).isFalse();
    assertThat(missing.observed())
        .isEqualTo(
            app
                + " cannot resolve database: there is no container database ("
                + app
                + " is only on "
                + n
                + ")");
    net(n).run("ubuntu", name(db), alias("database"));
    assertThat(resolves(app, "database").passed()).isTrue();
  }

  @Test
  void onNetworkNamesWhereTheContainerIs() {
    String n = unique("xon");
    String c = unique("xc");
    net(n).run("ubuntu", name(c));
    assertThat(onNetwork(c, n).passed()).isTrue();
    Check elsewhere = onNetwork(c, "bridge");
    assertThat(elsewhere.passed()).isFalse();
    assertThat(elsewhere.observed()).isEqualTo(c + " is only on " + n);
    assertThat(onNetwork(c, unique("nonet")).observed()).startsWith("there is no network ");
    assertThat(onNetwork(unique("ghost"), n).observed()).startsWith("there is no container ");
  }

  @Test
  void publishedAnswersOnlyWhileTheServerRuns() throws IOException {
    int port = freePort();
    Check nothing = published(port);
    assertThat(nothing.passed()).isFalse();
    assertThat(nothing.observed()).isEqualTo("no container publishes port " + port);

    String web = unique("xweb");
    run("nginx", name(web), publish("127.0.0.1", port, 80));
    Check up = publishedWhenUp(port);
    assertThat(up.passed()).as(up.toString()).isTrue();
    assertThat(up.observed()).isEqualTo(web + " publishes 127.0.0.1:" + port + "->80/tcp");
  }

  @Test
  void expectPutsTheHintFirstAndAVerificationCountsEveryCheck() {
    String c = unique("xv");
    run("ubuntu", name(c));
    Verification v = Verification.of(session);
    v.begin();
    Check fine = expect(onNetwork(c, "bridge"), "run it on the default bridge");
    Check wrong = expect(onNetwork(c, "nowhere"), "put it on nowhere");
    List<Check> made = v.end();
    assertThat(fine.toString()).isEqualTo("✓ " + c + " is on bridge");
    assertThat(wrong.toString())
        .isEqualTo(
            "✗ put it on nowhere\n  observed: there is no network nowhere (and "
                + c
                + " is only on bridge)");
    assertThat(made).containsExactly(fine, wrong);
    onNetwork(c, "bridge");
    assertThat(v.end()).as("outside a verify cell nothing is kept").isEmpty();
  }

  /** The embedded engine answers at once; a real nginx takes a moment to listen. */
  private static Check publishedWhenUp(int port) {
    Check c = published(port);
    for (int i = 0; i < 50 && !c.passed(); i++) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      c = published(port);
    }
    return c;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
