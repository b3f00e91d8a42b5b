package netbook.console;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import netbook.NetbookException;
import netbook.engine.EngineException;
import netbook.lab.Ownership;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code docker} command and its subcommand tree, parsed by picocli. A fresh tree is built for
 * every line (picocli commands hold their parsed options); errors come out as the docker CLI words
 * them, or as one line naming what netbook does not support and what it does.
 */
@Command(
    name = "docker",
    subcommands = {
      RunCommand.class,
      ContainerCommands.Ps.class,
      ContainerCommands.Stop.class,
      ContainerCommands.Start.class,
      ContainerCommands.Restart.class,
      ContainerCommands.Kill.class,
      ContainerCommands.Rm.class,
      ContainerCommands.Logs.class,
      ContainerCommands.Exec.class,
      ContainerCommands.Attach.class,
      InspectCommand.class,
      ContainerCommands.Group.class,
      NetworkCommands.Group.class,
      NodeCommands.Group.class,
      ServiceCommands.Group.class,
      SwarmCommands.Group.class,
      ImageCommands.Images.class,
      ImageCommands.Pull.class
    })
final class DockerCli implements Callable<Integer> {
  /** The top-level commands, as the {@code @Command} annotation above lists them. */
  private static final List<Class<?>> COMMANDS =
      List.of(DockerCli.class.getAnnotation(Command.class).subcommands());

  /** The names of the top-level commands ("run", "ps", …, "network", …), without aliases. */
  static final Set<String> VERBS =
      COMMANDS.stream().map(c -> command(c).name()).collect(Collectors.toUnmodifiableSet());

  /**
   * What netbook runs, for usage lines: the top-level commands in order, a group with the
   * subcommands only it has ({@code network ls|create|…}), or {@code container …} when they are all
   * top-level commands too.
   */
  static final String SUPPORTED =
      COMMANDS.stream().map(DockerCli::supported).collect(Collectors.joining(", "));

  private final CommandContext ctx;

  DockerCli(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    ctx.out().line("Usage: docker COMMAND — netbook runs: " + SUPPORTED);
    return 0;
  }

  private static String supported(Class<?> cls) {
    Command c = command(cls);
    if (c.subcommands().length == 0) {
      return c.name();
    }
    List<String> own =
        Arrays.stream(c.subcommands())
            .filter(sub -> !COMMANDS.contains(sub))
            .map(sub -> command(sub).name())
            .toList();
    return c.name() + " " + (own.isEmpty() ? "…" : String.join("|", own));
  }

  private static Command command(Class<?> cls) {
    return cls.getAnnotation(Command.class);
  }

  /** Builds the picocli tree with every command bound to {@code ctx}. */
  static CommandLine commandLine(CommandContext ctx) {
    CommandLine cl = new CommandLine(DockerCli.class, new Factory(ctx));
    StringWriter sink = new StringWriter();
    cl.setOut(new PrintWriter(sink));
    cl.setErr(new PrintWriter(sink));
    stopAtPositional(cl);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          ctx.out().line(usageError(ex));
          return 125;
        });
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          ctx.out().line(errorLine(ex));
          return 1;
        });
    return cl;
  }

  /**
   * run and exec take the command after the image/container as-is: flags there are the command's.
   */
  private static void stopAtPositional(CommandLine cl) {
    for (CommandLine sub : cl.getSubcommands().values()) {
      String n = sub.getCommandName();
      if (n.equals("run") || n.equals("exec")) {
        sub.setStopAtPositional(true);
      }
      stopAtPositional(sub);
    }
  }

  /** The parsed leaf command of {@code args}, without running it (for tests and rewriting). */
  static Object parse(CommandContext ctx, List<String> args) {
    CommandLine cl = commandLine(ctx);
    CommandLine.ParseResult pr = cl.parseArgs(args.toArray(String[]::new));
    while (pr.hasSubcommand()) {
      pr = pr.subcommand();
    }
    return pr.commandSpec().userObject();
  }

  static String errorLine(Exception ex) {
    if (ex instanceof Ownership.Refused) {
      return ex.getMessage();
    }
    if (ex instanceof EngineException ee) {
      if (ee.status() == EngineException.UNREACHABLE || ee.status() == EngineException.TIMEOUT) {
        return ee.getMessage();
      }
      String m = ee.getMessage() == null ? "" : ee.getMessage().strip();
      if (m.isEmpty()) {
        // an answer without a message (a bare status): say which, not an empty line
        return "Error response from daemon: status " + ee.status() + " without a message";
      }
      return "Error response from daemon: " + m;
    }
    if (ex instanceof NetbookException) {
      return ex.getMessage();
    }
    return "netbook could not finish that: "
        + netbook.Problems.plain(ex)
        + " (--verbose shows where; please report it)";
  }

  static String usageError(CommandLine.ParameterException ex) {
    CommandSpec spec = ex.getCommandLine().getCommandSpec();
    String cmd = spec.qualifiedName(" ");
    if (ex instanceof CommandLine.UnmatchedArgumentException ua && !ua.getUnmatched().isEmpty()) {
      String first = ua.getUnmatched().get(0);
      if (first.startsWith("-")) {
        return "unknown flag: "
            + first
            + " — netbook's "
            + cmd
            + " takes "
            + (spec.options().isEmpty() ? "no flags" : flags(spec));
      }
      if (!spec.subcommands().isEmpty()) {
        return cmd
            + " "
            + first
            + " is not supported by netbook; it runs: "
            + (spec.name().equals("docker")
                ? SUPPORTED
                : String.join(", ", spec.subcommands().keySet()));
      }
      return cmd + ": unexpected argument " + first;
    }
    if (ex instanceof CommandLine.MissingParameterException) {
      return "\"" + cmd + "\" requires at least 1 argument.";
    }
    return cmd + ": " + ex.getMessage();
  }

  private static String flags(CommandSpec spec) {
    return spec.options().stream()
        .map(OptionSpec::names)
        .map(names -> String.join("/", names))
        .collect(Collectors.joining(" "));
  }

  /** Creates command objects, handing the context to those that take it. */
  private static final class Factory implements CommandLine.IFactory {
    private final CommandContext ctx;

    Factory(CommandContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        Constructor<K> c = cls.getDeclaredConstructor(CommandContext.class);
        c.setAccessible(true);
        return c.newInstance(ctx);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }
}
