package netbook.console;

import java.util.concurrent.Callable;
import netbook.render.DockerTables;
import picocli.CommandLine.Command;

/** {@code docker node ls}: the swarm's nodes, asked of a manager. */
final class NodeCommands {
  private NodeCommands() {}

  @Command(
      name = "node",
      subcommands = {Ls.class})
  static final class Group extends CommandGroup {
    Group(CommandContext ctx) {
      super(ctx);
    }
  }

  @Command(
      name = "ls",
      aliases = {"list"})
  static final class Ls implements Callable<Integer> {
    private final CommandContext ctx;

    Ls(CommandContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      ctx.out().text(DockerTables.nodes(ctx.session().engine().swarmNodes(), ctx.console().node()));
      return 0;
    }
  }
}
