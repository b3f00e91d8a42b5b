package netbook.engine.embedded.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/** The exec instances: created in a running container, run once, forgotten with the container. */
final class ExecTable {
  private final IdSource ids;
  private final Map<String, ExecState> execs = new LinkedHashMap<>();

  ExecTable(IdSource ids) {
    this.ids = ids;
  }

  ExecState create(ContainerState c, ExecSpec spec) {
    if (!c.running()) {
      throw ApiException.conflict("Container " + c.id() + " is not running");
    }
    if (spec.cmd() == null || spec.cmd().isEmpty()) {
      throw ApiException.badRequest("No exec command specified");
    }
    ExecState e = new ExecState(ids.id64(), c.id(), spec);
    execs.put(e.id(), e);
    c.addExec(e.id());
    return e;
  }

  ExecState get(String id) {
    ExecState e = execs.get(id);
    if (e == null) {
      throw ApiException.notFound("No such exec instance: " + id);
    }
    return e;
  }

  /** Starts an exec instance in its container ({@code c}, null when gone) with the next pid. */
  ContainerState start(ExecState e, ContainerState c, IntSupplier pids) {
    if (e.started()) {
      throw ApiException.conflict("Error: Exec command " + e.id() + " has already run");
    }
    if (c == null || !c.running()) {
      throw ApiException.conflict("Container " + e.containerId() + " is not running");
    }
    e.start(pids.getAsInt());
    return c;
  }

  void forget(ContainerState c) {
    execs.values().removeIf(x -> x.containerId().equals(c.id()));
  }
}
