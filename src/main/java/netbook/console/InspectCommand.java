package netbook.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import netbook.engine.ContainerInfo;
import netbook.engine.NetworkInfo;
import netbook.json.GoTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code docker inspect NAME|ID-prefix…} (containers, then networks, as Docker looks them up) and
 * {@code docker container inspect}: Docker's own JSON, as a JSON array in the CLI's layout, or each
 * object through {@code -f/--format}'s Go template.
 */
@Command(name = "inspect")
final class InspectCommand implements Callable<Integer> {
  @Option(names = "--type", paramLabel = "container|network")
  String type = "";

  @Option(
      names = {"-f", "--format"},
      paramLabel = "TEMPLATE",
      description = "print each object through a Go template: {{.A.B}}, index, range, json")
  String format = "";

  @Parameters(arity = "1..*", paramLabel = "NAME|ID")
  List<String> refs = new ArrayList<>();

  @Spec CommandSpec spec;

  private final CommandContext ctx;

  InspectCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    String kind = type;
    if (kind.isEmpty() && spec.parent() != null && spec.parent().name().equals("container")) {
      kind = "container";
    }
    Optional<GoTemplate> template = InspectFormat.template(format);
    List<JsonNode> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String ref : refs) {
      Optional<String> json = Optional.empty();
      if (!kind.equals("network")) {
        json =
            ctx.targets()
                .findContainer(ref)
                .map(ContainerInfo::id)
                .map(ctx.session().engine()::inspectContainerJson);
      }
      if (json.isEmpty() && !kind.equals("container")) {
        json =
            ctx.targets()
                .findNetwork(ref)
                .map(NetworkInfo::id)
                .map(ctx.session().engine()::inspectNetworkJson);
      }
      if (json.isPresent()) {
        found.add(JsonFormat.parse(json.get()));
      } else {
        missing.add(ref);
      }
    }
    ctx.out().text(InspectFormat.print(found, template));
    for (String m : missing) {
      ctx.out()
          .line(
              kind.equals("container")
                  ? "Error: No such container: " + m
                  : "Error: No such object: " + m);
    }
    return missing.isEmpty() ? 0 : 1;
  }
}
