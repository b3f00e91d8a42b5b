package netbook.cli;

import java.util.concurrent.Callable;
import netbook.notebook.NotebookException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code netbook learn}: the installation's chapters and exercises with ✓ beside those done, the
 * next one offered first (Enter opens it).
 */
@Command(
    name = "learn",
    mixinStandardHelpOptions = true,
    description =
        "List the chapters and exercises with your progress (✓ done) and open the next one.")
final class LearnCommand implements Callable<Integer> {
  private final App app;
  @Mixin StepOptions options = new StepOptions();

  LearnCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() {
    return ChapterPicker.open(
        app,
        options,
        Installation.notebooks()
            .orElseThrow(
                () ->
                    new NotebookException(
                        "no notebooks folder here or beside netbook's installation: run from"
                            + " the netbook checkout (bin/netbook learn)")));
  }
}
