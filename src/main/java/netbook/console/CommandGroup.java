package netbook.console;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A docker command group ({@code docker network}, {@code docker service}, …) typed without a
 * subcommand: one usage line naming the subcommands netbook runs, read from the group's own picocli
 * model so that it never drifts from them.
 */
abstract class CommandGroup implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final CommandContext ctx;

  CommandGroup(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    ctx.out()
        .line(
            "Usage: docker "
                + spec.name()
                + " COMMAND — netbook runs: "
                + String.join(", ", names(spec)));
    return 0;
  }

  /** Each subcommand once, in order, as docker's usage names it ({@code ls} among its names). */
  static List<String> names(CommandSpec group) {
    List<String> names = new ArrayList<>();
    for (CommandLine sub : group.subcommands().values()) {
      CommandSpec s = sub.getCommandSpec();
      boolean ls = List.of(s.aliases()).contains("ls");
      String name = ls ? "ls" : s.name();
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }
}
