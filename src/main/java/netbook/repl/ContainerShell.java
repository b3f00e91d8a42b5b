package netbook.repl;

import java.util.Optional;
import netbook.console.DockerConsole;
import netbook.engine.ContainerInfo;
import netbook.lab.Session;

/**
 * The REPL inside a container, after {@code docker attach c}, {@code docker exec -it c sh} or
 * {@code c.shell()}: the prompt is the container's ({@code root@host:/# }), each line runs there
 * ({@code sh -c}, its output live), {@code exit} leaves (an attach's exit stops the container, as
 * Docker's does) and so does Ctrl-P Ctrl-Q (which leaves it running).
 */
final class ContainerShell {
  private final Workspace workspace;

  ContainerShell(Workspace workspace) {
    this.workspace = workspace;
  }

  /** The console, when the engine is open. */
  private Optional<DockerConsole> console() {
    return workspace.sessionNow().map(DockerConsole::of);
  }

  /** The container the REPL is in, if any. */
  Optional<DockerConsole.Attachment> attached() {
    return console().flatMap(DockerConsole::attached);
  }

  /** The container's prompt, {@code root@3f2a1b0c9d8e:/# }, while the REPL is in one. */
  Optional<String> prompt() {
    Optional<DockerConsole.Attachment> a = attached();
    if (a.isEmpty()) {
      return Optional.empty();
    }
    String host =
        workspace
            .sessionNow()
            .flatMap(s -> s.engine().findContainer(a.get().containerId()))
            .map(ContainerInfo::hostname)
            .filter(h -> !h.isEmpty())
            .orElse(a.get().name());
    return Optional.of("root@" + host + ":/# ");
  }

  /** Enters the container {@code c.shell()} asked for during the last input, if any. */
  void enterRequested() {
    Optional<Session> s = workspace.sessionNow();
    s.flatMap(Session::takeShellRequest).ifPresent(id -> DockerConsole.of(s.get()).enterShell(id));
  }

  /** Ctrl-P Ctrl-Q: leaves the container running; what Docker prints then. */
  String detach() {
    console().ifPresent(DockerConsole::detach);
    return "read escape sequence";
  }

  /** {@code exit}: leaves; the note when that stopped the container ("" otherwise). */
  String exit() {
    return console().map(DockerConsole::exitShell).orElse("");
  }
}
