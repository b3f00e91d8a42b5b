package netbook.console;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code docker swarm init|join|leave} on a node of the session's swarm ({@code docker -H node2
 * swarm leave --force}); without {@code -H} they go to the manager, as every swarm line does.
 * {@code swarm(3)} in Java is the usual way to make one.
 */
final class SwarmCommands {
  private SwarmCommands() {}

  @Command(
      name = "swarm",
      subcommands = {Init.class, Join.class, Leave.class})
  static final class Group extends CommandGroup {
    Group(CommandContext ctx) {
      super(ctx);
    }
  }

  @Command(name = "init")
  static final class Init implements Callable<Integer> {
    @Option(names = "--advertise-addr")
    String advertise = "";

    private final CommandContext ctx;

    Init(CommandContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      String token = ctx.session().engine().swarmInit(advertise);
      String addr = ctx.session().engine().swarmAddress().orElse(advertise);
      ctx.out().line("Swarm initialized: current node is now a manager.");
      ctx.out().line("");
      ctx.out().line("To add a worker to this swarm, run the following command:");
      ctx.out().line("");
      ctx.out().line("    docker swarm join --token " + token + " " + addr + ":2377");
      return 0;
    }
  }

  @Command(name = "join")
  static final class Join implements Callable<Integer> {
    @Option(names = "--token", required = true)
    String token;

    @Parameters(index = "0", paramLabel = "HOST:PORT")
    String manager;

    private final CommandContext ctx;

    Join(CommandContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      ctx.session().engine().swarmJoin(manager, token);
      ctx.out().line("This node joined a swarm as a worker.");
      return 0;
    }
  }

  @Command(name = "leave")
  static final class Leave implements Callable<Integer> {
    /** Whether this node manages its swarm (only a manager lists the nodes). */
    private boolean manager() {
      try {
        ctx.session().engine().swarmNodes();
        return true;
      } catch (netbook.engine.EngineException e) {
        return false;
      }
    }

    @Option(names = {"-f", "--force"})
    boolean force;

    private final CommandContext ctx;

    Leave(CommandContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      if (!force && manager()) {
        ctx.out()
            .line(
                "Error response from daemon: You are attempting to leave the swarm on a node that"
                    + " is participating as a manager. Removing the last manager erases all current"
                    + " state of the swarm. Use `--force` to ignore this message.");
        return 1;
      }
      ctx.session().engine().swarmLeave();
      ctx.out().line("Node left the swarm.");
      return 0;
    }
  }
}
