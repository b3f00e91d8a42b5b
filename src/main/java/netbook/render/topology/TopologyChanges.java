package netbook.render.topology;

import netbook.engine.Engine;

/**
 * Remembers the last snapshot so a front end can say, after each REPL command or notebook cell,
 * what it changed: {@code changes.next(engine).lines()}. Snapshots here skip the host side (veth
 * names), which the summaries do not use, so a cell costs two list calls to the engine.
 */
public final class TopologyChanges {
  private Topology last;

  /** Starts from the engine's state now. */
  public TopologyChanges(Engine engine) {
    this.last = Topology.snapshot(engine, false);
  }

  /** Starts again from the engine's state now: the next call reports only what follows. */
  public synchronized void restart(Engine engine) {
    last = Topology.snapshot(engine, false);
  }

  /** What changed since the previous call (or construction); empty when nothing did. */
  public synchronized TopologyDiff next(Engine engine) {
    Topology now = Topology.snapshot(engine, false);
    TopologyDiff diff = TopologyDiff.between(last, now);
    last = now;
    return diff;
  }
}
