package netbook.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import netbook.engine.ContainerInfo;
import netbook.engine.EngineException;
import netbook.engine.NetworkInfo;
import netbook.engine.NetworkSpec;
import netbook.lab.Dialect;
import netbook.lab.Ownership;
import netbook.render.DockerTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code docker network ls|create|inspect|rm|connect|disconnect|prune}. */
final class NetworkCommands {
  private static final System.Logger LOG = System.getLogger(NetworkCommands.class.getName());

  private NetworkCommands() {}

  @Command(
      name = "network",
      subcommands = {
        Ls.class,
        Create.class,
        Inspect.class,
        Rm.class,
        Connect.class,
        Disconnect.class,
        Prune.class
      })
  static final class Group extends CommandGroup {
    Group(CommandContext ctx) {
      super(ctx);
    }
  }

  @Command(
      name = "ls",
      aliases = {"list"})
  static final class Ls implements Callable<Integer> {
    @Option(names = {"-q", "--quiet"})
    boolean quiet;

    @Option(
        names = "--all-sessions",
        description = "list every network, not only Docker's own and this session's")
    boolean allSessions;

    private final CommandContext ctx;

    Ls(CommandContext ctx) {
      this.ctx = ctx;
    }

    List<NetworkInfo> listed() {
      return ctx.session().engine().networks().stream()
          .filter(n -> allSessions || n.isDefault() || ctx.session().owns(n.labels()))
          .toList();
    }

    @Override
    public Integer call() {
      List<NetworkInfo> list = listed();
      if (quiet) {
        list.forEach(n -> ctx.out().line(n.shortId()));
      } else {
        ctx.out().text(DockerTables.networks(list));
      }
      if (!allSessions) {
        ctx.console()
            .noteOnce(
                ctx.out(),
                "network ls",
                "docker network ls lists Docker's own networks and this session's"
                    + " (--all-sessions lists every network)");
      }
      return 0;
    }
  }

  @Command(
      name = "create",
      aliases = {"add"})
  static final class Create implements Callable<Integer> {
    @Option(names = {"-d", "--driver"})
    String driver = "bridge";

    @Option(names = "--subnet")
    String subnet = "";

    @Option(names = "--gateway")
    String gateway = "";

    @Option(names = "--ip-range")
    String ipRange = "";

    @Option(names = "--internal")
    boolean internal;

    /** Standalone containers may join (netbook's overlays always take them). */
    @Option(names = "--attachable")
    boolean attachable;

    @Parameters(index = "0", paramLabel = "NETWORK")
    String name;

    private final CommandContext ctx;

    Create(CommandContext ctx) {
      this.ctx = ctx;
    }

    NetworkSpec spec() {
      return new NetworkSpec(
          name,
          driver,
          subnet,
          gateway,
          ipRange,
          internal,
          ctx == null ? null : ctx.session().labels(),
          null);
    }

    @Override
    public Integer call() {
      ctx.out().line(ctx.session().createNetwork(spec(), Dialect.CLI));
      return 0;
    }
  }

  @Command(name = "inspect")
  static final class Inspect implements Callable<Integer> {
    @Option(
        names = {"-f", "--format"},
        paramLabel = "TEMPLATE",
        description = "print each network through a Go template: {{.A.B}}, index, range, json")
    String format = "";

    @Parameters(arity = "1..*", paramLabel = "NETWORK")
    List<String> networks = new ArrayList<>();

    private final CommandContext ctx;

    Inspect(CommandContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      var template = InspectFormat.template(format);
      List<JsonNode> found = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (String ref : networks) {
        var n = ctx.targets().findNetwork(ref);
        if (n.isPresent()) {
          found.add(JsonFormat.parse(ctx.session().engine().inspectNetworkJson(n.get().id())));
        } else {
          missing.add(ref);
        }
      }
      ctx.out().text(InspectFormat.print(found, template));
      missing.forEach(
          m -> ctx.out().line("Error response from daemon: network " + m + " not found"));
      return missing.isEmpty() ? 0 : 1;
    }
  }

  @Command(
      name = "rm",
      aliases = {"remove"})
  static final class Rm implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "NETWORK")
    List<String> networks = new ArrayList<>();

    @Option(
        names = "--adopt",
        description = "allow this change to a container or network netbook did not create")
    boolean adopt;

    private final CommandContext ctx;

    Rm(CommandContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      int code = 0;
      for (String ref : networks) {
        try {
          ctx.session()
              .engine()
              .removeNetwork(ctx.targets().ownedNetwork(ref, "remove", false, adopt).id());
          ctx.out().line(ref);
        } catch (EngineException | Ownership.Refused e) {
          ctx.out().line(DockerCli.errorLine(e));
          code = 1;
        }
      }
      return code;
    }
  }

  @Command(name = "connect")
  static final class Connect implements Callable<Integer> {
    @Option(names = "--alias")
    List<String> aliases = new ArrayList<>();

    @Option(names = "--ip")
    String ip = "";

    @Parameters(index = "0", paramLabel = "NETWORK")
    String network;

    @Parameters(index = "1", paramLabel = "CONTAINER")
    String container;

    @Option(
        names = "--adopt",
        description = "allow this change to a container or network netbook did not create")
    boolean adopt;

    private final CommandContext ctx;

    Connect(CommandContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      NetworkInfo n = ctx.targets().ownedNetwork(network, "connect containers to", true, adopt);
      ContainerInfo c = ctx.targets().ownedContainer(container, "connect", adopt);
      ctx.session().engine().connect(n.name(), c.id(), aliases, ip);
      return 0;
    }
  }

  @Command(name = "disconnect")
  static final class Disconnect implements Callable<Integer> {
    @Option(names = {"-f", "--force"})
    boolean force;

    @Parameters(index = "0", paramLabel = "NETWORK")
    String network;

    @Parameters(index = "1", paramLabel = "CONTAINER")
    String container;

    @Option(
        names = "--adopt",
        description = "allow this change to a container or network netbook did not create")
    boolean adopt;

    private final CommandContext ctx;

    Disconnect(CommandContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      NetworkInfo n =
          ctx.targets().ownedNetwork(network, "disconnect containers from", true, adopt);
      ContainerInfo c = ctx.targets().ownedContainer(container, "disconnect", adopt);
      ctx.session().engine().disconnect(n.name(), c.id(), force);
      return 0;
    }
  }

  @Command(name = "prune")
  static final class Prune implements Callable<Integer> {
    @Option(names = {"-f", "--force"})
    boolean force;

    private final CommandContext ctx;

    Prune(CommandContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      List<String> deleted = new ArrayList<>();
      for (NetworkInfo n : ctx.targets().ownNetworks()) {
        if (!n.endpoints().isEmpty()) {
          continue;
        }
        try {
          ctx.session().engine().removeNetwork(n.id());
          deleted.add(n.name());
        } catch (EngineException e) {
          // in use after all (a container joined meanwhile): docker prune skips those too
          LOG.log(Level.DEBUG, "network " + n.name() + " not pruned", e);
        }
      }
      if (!deleted.isEmpty()) {
        ctx.out().line("Deleted Networks:");
        deleted.forEach(ctx.out()::line);
      }
      ctx.out()
          .note(
              "network prune removes only this session's unused networks"
                  + (force ? "" : " (and asks no confirmation)"));
      return 0;
    }
  }
}
