package netbook.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import netbook.engine.ContainerSpec;
import netbook.engine.PortBinding;
import netbook.lab.Session;
import netbook.lab.SessionConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every flag of the docker subset parses into the right fields; no engine is needed. */
class DockerCliParseTest {
  private final DockerConsole console =
      new DockerConsole(
          new Session(null, new SessionConfig("t", true, 1, "", l -> {}, Duration.ofSeconds(5))));

  private <T> T parse(String line, Class<T> type) {
    return type.cast(console.parse(line));
  }

  @Test
  void runClusteredFlagsAndCommand() {
    RunCommand r = parse("docker run -dit --name container_1 ubuntu", RunCommand.class);
    assertThat(r.detach).isTrue();
    assertThat(r.interactive).isTrue();
    assertThat(r.tty).isTrue();
    assertThat(r.name).isEqualTo("container_1");
    assertThat(r.image).isEqualTo("ubuntu");
    assertThat(r.command).isEmpty();

    RunCommand it = parse("run -it --rm busybox sh -c 'echo hi; ls -l'", RunCommand.class);
    assertThat(it.interactiveShell()).isTrue();
    assertThat(it.rm).isTrue();
    assertThat(it.command).containsExactly("sh", "-c", "echo hi; ls -l");
  }

  @Test
  void runEveryOption() {
    RunCommand r =
        parse(
            "docker container run -d --net my_bridge --network-alias web --network-alias www"
                + " -p 8080:80 --publish 127.0.0.1:5353:53/udp -p 9000 -e A=1 --env B=two"
                + " --hostname h1 --dns 10.0.0.2 --ip 172.30.0.9 nginx:1.25",
            RunCommand.class);
    ContainerSpec s = r.spec();
    assertThat(s.image()).isEqualTo("nginx:1.25");
    assertThat(s.network()).isEqualTo("my_bridge");
    assertThat(s.aliases()).containsExactly("web", "www");
    assertThat(s.ports())
        .containsExactly(
            PortBinding.tcp(8080, 80),
            new PortBinding("127.0.0.1", 5353, 53, "udp"),
            new PortBinding("", 0, 9000, "tcp"));
    assertThat(s.env()).containsEntry("A", "1").containsEntry("B", "two");
    assertThat(s.hostname()).isEqualTo("h1");
    assertThat(s.dns()).containsExactly("10.0.0.2");
    assertThat(s.ipv4()).isEqualTo("172.30.0.9");
    assertThat(s.autoRemove()).isFalse();
    assertThat(parse("run --network=host -h x nginx", RunCommand.class).spec().network())
        .isEqualTo("host");
  }

  @Test
  void runFlagsAfterTheImageBelongToTheCommand() {
    RunCommand r = parse("run busybox ping -c 2 1.2.3.4", RunCommand.class);
    assertThat(r.command).containsExactly("ping", "-c", "2", "1.2.3.4");
    assertThat(parse("run -d --rm nginx", RunCommand.class).spec().autoRemove()).isTrue();
  }

  @Test
  void badPublishSpecIsOneLine() {
    assertThatThrownBy(() -> RunCommand.port("eighty:80", line -> {}))
        .hasMessageContaining("-p 8080:80");
  }

  @Test
  void psAndContainerLs() {
    ContainerCommands.Ps ps = parse("docker ps -aq", ContainerCommands.Ps.class);
    assertThat(ps.all).isTrue();
    assertThat(ps.quiet).isTrue();
    assertThat(parse("container ls --all-sessions", ContainerCommands.Ps.class).allSessions)
        .isTrue();
    assertThat(parse("container list -a", ContainerCommands.Ps.class).all).isTrue();
  }

  @Test
  void lifecycleCommandsTakeManyNames() {
    assertThat(parse("stop a b c", ContainerCommands.Stop.class).containers)
        .containsExactly("a", "b", "c");
    assertThat(parse("stop -t 5 a", ContainerCommands.Stop.class).seconds).isEqualTo(5);
    assertThat(parse("container stop a", ContainerCommands.Stop.class).containers)
        .containsExactly("a");
    assertThat(parse("start a", ContainerCommands.Start.class).containers).containsExactly("a");
    assertThat(parse("restart a", ContainerCommands.Restart.class).containers).containsExactly("a");
    assertThat(parse("kill a", ContainerCommands.Kill.class).containers).containsExactly("a");
    ContainerCommands.Rm rm = parse("rm -f a b", ContainerCommands.Rm.class);
    assertThat(rm.force).isTrue();
    assertThat(rm.containers).containsExactly("a", "b");
    assertThat(parse("container rm a", ContainerCommands.Rm.class).force).isFalse();
  }

  @Test
  void inspectLogsExecAttach() {
    assertThat(parse("inspect ffa4", InspectCommand.class).refs).containsExactly("ffa4");
    assertThat(parse("inspect --type network a b", InspectCommand.class).type).isEqualTo("network");
    assertThat(parse("logs web", ContainerCommands.Logs.class).container).isEqualTo("web");
    ContainerCommands.Exec ex = parse("exec -it box sh", ContainerCommands.Exec.class);
    assertThat(ex.opensShell()).isTrue();
    ContainerCommands.Exec ping =
        parse("exec box ping -c 1 -W 1 10.0.0.1", ContainerCommands.Exec.class);
    assertThat(ping.opensShell()).isFalse();
    assertThat(ping.command).containsExactly("ping", "-c", "1", "-W", "1", "10.0.0.1");
    assertThat(parse("attach c1", ContainerCommands.Attach.class).container).isEqualTo("c1");
    assertThat(parse("container attach c1", ContainerCommands.Attach.class).container)
        .isEqualTo("c1");
  }

  @Test
  void networkCommands() {
    NetworkCommands.Create c =
        parse(
            "network create --driver bridge --subnet 172.30.0.0/16 --gateway 172.30.0.1"
                + " --internal lan",
            NetworkCommands.Create.class);
    assertThat(c.spec().name()).isEqualTo("lan");
    assertThat(c.spec().subnet()).isEqualTo("172.30.0.0/16");
    assertThat(c.spec().gateway()).isEqualTo("172.30.0.1");
    assertThat(c.spec().internal()).isTrue();
    assertThat(parse("network create -d bridge x", NetworkCommands.Create.class).driver)
        .isEqualTo("bridge");
    assertThat(parse("network ls -q", NetworkCommands.Ls.class).quiet).isTrue();
    assertThat(parse("network inspect a b", NetworkCommands.Inspect.class).networks)
        .containsExactly("a", "b");
    assertThat(parse("network rm a", NetworkCommands.Rm.class).networks).containsExactly("a");
    NetworkCommands.Connect con =
        parse("network connect --alias db --ip 172.30.0.5 lan c1", NetworkCommands.Connect.class);
    assertThat(con.aliases).containsExactly("db");
    assertThat(con.ip).isEqualTo("172.30.0.5");
    assertThat(con.network).isEqualTo("lan");
    assertThat(con.container).isEqualTo("c1");
    assertThat(parse("network disconnect -f lan c1", NetworkCommands.Disconnect.class).force)
        .isTrue();
    assertThat(parse("network prune -f", NetworkCommands.Prune.class).force).isTrue();
  }

  @Test
  void images() {
    assertThat(parse("images -q", ImageCommands.Images.class).quiet).isTrue();
    assertThat(parse("pull nginx", ImageCommands.Pull.class).image).isEqualTo("nginx");
  }

  @Test
  void unknownFlagsAndCommandsAreOneLine() {
    assertThat(console.run("docker run -v /x:/y nginx").output())
        .isEqualTo(
            "unknown flag: -v — netbook's docker run takes -d/--detach -i/--interactive -t/--tty"
                + " --rm --name --network/--net --network-alias/--net-alias --ip -p/--publish"
                + " -e/--env -h/--hostname --dns --adopt\n");
    assertThat(console.run("docker build .").output())
        .startsWith("docker build is not supported by netbook; it runs: run, ps,")
        .doesNotContain("\n\n");
    assertThat(console.run("docker network frob").output())
        .isEqualTo(
            "docker network frob is not supported by netbook; it runs: ls, list, create, add,"
                + " inspect, rm, remove, connect, disconnect, prune\n");
    assertThat(console.run("docker stop").output())
        .isEqualTo("\"docker stop\" requires at least 1 argument.\n");
    assertThat(console.run("docker stop").exitCode()).isEqualTo(125);
    assertThat(console.run("curl localhost").output()).contains("not a docker command");
    assertThat(console.run("docker ps | grep x").output()).contains("one docker command per line");
  }

  @Test
  void parseErrorsThrowForTests() {
    assertThatThrownBy(() -> console.parse("run"))
        .isInstanceOf(CommandLine.MissingParameterException.class);
  }
}
