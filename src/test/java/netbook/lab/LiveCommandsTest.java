package netbook.lab;

import static netbook.lab.Lab.name;
import static netbook.lab.Lab.net;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import netbook.engine.Engine;
import netbook.engine.docker.TestEngines;
import netbook.testing.RealDocker;
import org.junit.jupiter.api.Test;

/** The REPL's live path on the embedded engine: same answers, tools found where they are. */
class LiveCommandsTest {
  @Test
  void liveCommandsRunInTheContainerWhenItHasTheTool_andInTheHelperWhenNot() {
    List<String> notices = new CopyOnWriteArrayList<>();
    List<String> shown = new CopyOnWriteArrayList<>();
    try (Engine engine = TestEngines.embedded()) {
      Session session = RealDocker.session(engine, notices);
      Lab.Binding binding = Lab.bind(session);
      try {
        Network n = net("live_net");
        Container a = n.run("busybox", name("live_a"));
        n.run("busybox", name("live_b"));
        Container u = n.run("netbook/bare", name("live_u"));
        session.liveOutput(shown::add);
        PingResult r = a.ping("live_b", 2);
        assertThat(r.received()).isEqualTo(2);
        assertThat(String.join("", shown)).isEqualTo(r.output());
        assertThat(notices).noneMatch(l -> l.contains("no network tools"));
        assertThat(u.ping("live_b", 1).received()).isEqualTo(1);
        assertThat(notices).anyMatch(l -> l.startsWith("live_u's image has no network tools"));
      } finally {
        session.liveOutput(null);
        session.cleanup();
        binding.close();
      }
    }
  }
}
