package netbook.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import netbook.NetbookException;
import netbook.engine.ContainerInfo;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.engine.EngineInfo;
import netbook.engine.PullProgress;
import netbook.engine.docker.DockerEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image policy on an engine that can be made to refuse pulls and to lack the lab images: the
 * embedded engine behind a proxy that stands for a real daemon (no network, no lab images, a build
 * endpoint that records what it was asked to build).
 */
class ImageResolverTest {
  @TempDir Path tmp;

  private final List<String> notices = new ArrayList<>();

  private final List<PullProgress> progress = new ArrayList<>();
  private final List<String> pulls = new ArrayList<>();
  private final List<String> builds = new ArrayList<>();
  private final Set<String> hidden = ConcurrentHashMap.newKeySet();
  private final Engine embedded = DockerEngines.embedded(OptionalLong.empty());
  private boolean pullsFail;

  @AfterEach
  void close() {
    embedded.close();
  }

  /** The embedded engine, as a docker daemon whose pulls may fail and whose lab images may miss. */
  private Engine daemon() {
    return (Engine)
        Proxy.newProxyInstance(
            Engine.class.getClassLoader(),
            new Class<?>[] {Engine.class},
            (proxy, m, args) -> {
              switch (m.getName()) {
                case "info":
                  return new EngineInfo("docker", "unix:///test.sock", "24.0", "1.43");
                case "pull":
                  pulls.add((String) args[0]);
                  if (pullsFail) {
                    throw new EngineException(
                        500, "Get \"https://registry-1.docker.io/v2/\": dial tcp: no route");
                  }
                  break;
                case "findImage":
                  if (hidden.contains((String) args[0])) {
                    return Optional.empty();
                  }
                  break;
                case "buildImage":
                  builds.add((String) args[0]);
                  ((InputStream) args[1]).readAllBytes();
                  hidden.remove((String) args[0]);
                  return "sha256:built";
                default:
                  break;
              }
              try {
                return m.invoke(embedded, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private Session session(boolean offline, Path busybox) {
    return new Session(
        daemon(),
        new SessionConfig("t-images", offline, 1, "", notices::add, Duration.ofSeconds(10))
            .withProgress(progress::add),
        new LabImageBuilder(busybox));
  }

  /** A file that reads as a statically linked 64-bit ELF executable (one PT_LOAD, no PT_INTERP). */
  private Path staticElf() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(64 + 56).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
    b.putShort(0x10, (short) 2); // ET_EXEC
    b.putLong(0x20, 64); // e_phoff
    b.putShort(0x36, (short) 56); // e_phentsize
    b.putShort(0x38, (short) 1); // e_phnum
    b.putInt(64, 1); // PT_LOAD
    Path p = tmp.resolve("busybox");
    Files.write(p, b.array());
    return p;
  }

  @Test
  void onlineAMissingImageIsPulledAndShownAsAsked() {
    Session s = session(false, tmp.resolve("none"));
    Container c = Lab.runOn(s, "", "ubuntu", Lab.name("img_a"));
    assertThat(pulls).containsExactly("ubuntu");
    assertThat(c.info().image()).isEqualTo("ubuntu");
    assertThat(c.toString()).startsWith("container img_a (ubuntu, running)");
    // the pull shows itself through the progress channel (a status line, never cell output)
    assertThat(progress).isNotEmpty().allMatch(p -> p.ref().startsWith("ubuntu"));
    assertThat(progress.get(progress.size() - 1).phase()).isEqualTo(PullProgress.Phase.DONE);
    assertThat(notices).isEmpty();
    s.cleanup();
  }

  @Test
  void onlineAFailedPullFallsBackToTheStandInSaidOnceAndTriedOnce() {
    pullsFail = true;
    Session s = session(false, tmp.resolve("none"));
    Container a = Lab.runOn(s, "", "nginx", Lab.name("img_w1"));
    Container b = Lab.runOn(s, "", "nginx", Lab.name("img_w2"));
    assertThat(pulls).containsExactly("nginx");
    assertThat(a.info().image()).isEqualTo(LabImages.WEB);
    // what a cell prints names what was asked for; the stand-in is a notice
    assertThat(a.toString()).startsWith("container img_w1 (nginx, running)");
    assertThat(b.toString()).startsWith("container img_w2 (nginx, running)");
    assertThat(new ContainerTable(s, s.engine().containers(false), Instant.now()).toString())
        .contains(" nginx ")
        .doesNotContain("netbook/web");
    assertThat(notices)
        .filteredOn(n -> n.contains("played by"))
        .containsExactly(
            "could not pull nginx (Get \"https://registry-1.docker.io/v2/\": dial tcp: no route):"
                + " nginx is played by the lab image netbook/web:latest");
    s.cleanup();
  }

  @Test
  void onlineAnImageWithoutStandInThatCannotBePulledIsOneLine() {
    pullsFail = true;
    Session s = session(false, tmp.resolve("none"));
    assertThatThrownBy(() -> Lab.runOn(s, "", "postgres:16", Lab.name("img_pg")))
        .isInstanceOf(NetbookException.class)
        .hasMessage(
            "image postgres:16 could not be pulled:"
                + " Get \"https://registry-1.docker.io/v2/\": dial tcp: no route — the registry"
                + " cannot be reached: check the network (or a proxy), or run with"
                + " NETBOOK_OFFLINE=1 to use the lab images");
  }

  @Test
  void theHelperIsBusyboxOnlineAndTheToolboxOffline() {
    Session online = session(false, tmp.resolve("none"));
    assertThat(online.images().helper()).isEqualTo("busybox:latest");
    assertThat(pulls).containsExactly("busybox:latest");
    Session offline = session(true, tmp.resolve("none"));
    assertThat(offline.images().helper()).isEqualTo(LabImages.TOOLBOX);
    assertThat(pulls).hasSize(1);
  }

  @Test
  void theHelperFallsBackToTheToolboxWhenBusyboxCannotBePulled() {
    pullsFail = true;
    Session s = session(false, tmp.resolve("none"));
    assertThat(s.images().helper()).isEqualTo(LabImages.TOOLBOX);
    assertThat(s.images().helper()).isEqualTo(LabImages.TOOLBOX);
    assertThat(pulls).containsExactly("busybox:latest");
    assertThat(notices).filteredOn(n -> n.startsWith("could not pull busybox")).hasSize(1);
  }

  @Test
  void offlineNothingIsPulledAndTheStandInIsSaidOnce() {
    Session s = session(true, tmp.resolve("none"));
    Container a = Lab.runOn(s, "", "ubuntu", Lab.name("img_o1"));
    Lab.runOn(s, "", "ubuntu", Lab.name("img_o2"));
    assertThat(pulls).isEmpty();
    assertThat(a.info().image()).isEqualTo(LabImages.TOOLBOX);
    assertThat(a.info().labels()).containsEntry(Session.LABEL_IMAGE, "ubuntu");
    assertThat(a.toString()).startsWith("container img_o1 (ubuntu, running)");
    assertThat(notices)
        .containsExactly("offline: ubuntu is played by the lab image netbook/toolbox:latest");
    s.cleanup();
  }

  @Test
  void missingLabImagesAreBuiltFromAStaticBusyboxWithOneNotice() throws IOException {
    hidden.addAll(List.of(LabImages.TOOLBOX, LabImages.WEB, LabImages.BARE));
    Path busybox = staticElf();
    Session s = session(true, busybox);
    s.resolveImage("ubuntu");
    s.resolveImage("nginx");
    assertThat(builds).containsExactly(LabImages.TOOLBOX, LabImages.WEB, LabImages.BARE);
    assertThat(notices)
        .filteredOn(n -> n.startsWith("building"))
        .containsExactly(
            "building the lab images netbook/toolbox:latest, netbook/web:latest,"
                + " netbook/bare:latest from "
                + busybox
                + " through the engine (once per engine)");
  }

  @Test
  void withoutAStaticBusyboxOneLineNamesTheFix() throws IOException {
    hidden.add(LabImages.TOOLBOX);
    Path dynamic = tmp.resolve("dynamic");
    ByteBuffer b = ByteBuffer.allocate(64 + 56).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
    b.putLong(0x20, 64);
    b.putShort(0x36, (short) 56);
    b.putShort(0x38, (short) 1);
    b.putInt(64, 3); // PT_INTERP
    Files.write(dynamic, b.array());
    for (Path p : List.of(tmp.resolve("none"), dynamic)) {
      Session s = session(true, p);
      assertThatThrownBy(() -> s.resolveImage("ubuntu"))
          .isInstanceOf(NetbookException.class)
          .hasMessageStartingWith(
              "lab image netbook/toolbox:latest is missing, and netbook cannot build it: ")
          .hasMessageContaining(p.toString())
          .hasMessageEndingWith(
              "install Debian's busybox-static (apt-get install busybox-static) and run again,"
                  + " or run bin/lab-images")
          .message()
          .doesNotContain("\n");
    }
    assertThat(builds).isEmpty();
  }

  @Test
  void sessionRunLabelsEveryContainerWithTheImageAsked() {
    Session s = session(true, tmp.resolve("none"));
    Container c = Lab.runOn(s, "", "ubuntu", Lab.name("img_l"));
    ContainerInfo raw = s.engine().findContainer("img_l").orElseThrow();
    assertThat(raw.image()).isEqualTo(LabImages.TOOLBOX);
    assertThat(Session.asNamed(raw).image()).isEqualTo("ubuntu");
    assertThat(c.name()).isEqualTo("img_l");
    s.cleanup();
  }
}
