package netbook.lab;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import netbook.engine.NetworkInfo;
import netbook.render.DockerTables;

/**
 * {@code networks()}: the engine's networks, printed as {@code docker network ls} prints them, and
 * a list of network handles to loop over: {@code for (var n : networks()) n.containers()}.
 */
public final class NetworkTable implements Iterable<Network> {
  private final Session session;
  private final List<NetworkInfo> rows;

  /** The rows as the engine listed them, with handles on {@code session}. */
  public NetworkTable(Session session, List<NetworkInfo> rows) {
    this.session = session;
    this.rows = List.copyOf(rows);
  }

  /** What the engine reported for each network, as listed. */
  public List<NetworkInfo> rows() {
    return rows;
  }

  /** The networks' names, in the table's order. */
  public List<String> names() {
    return rows.stream().map(NetworkInfo::name).toList();
  }

  /** How many networks the table lists. */
  public int size() {
    return rows.size();
  }

  /** Whether the table lists no network. */
  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The network in row {@code index} (from 0), as a handle. */
  public Network get(int index) {
    return new Network(session, rows.get(index).name());
  }

  /** The networks as handles, in the table's order. */
  public List<Network> list() {
    return rows.stream().map(n -> new Network(session, n.name())).toList();
  }

  /** The networks as handles, as a stream: {@code networks().stream().map(n -> n.subnet())}. */
  public Stream<Network> stream() {
    return list().stream();
  }

  /** The networks as handles, for {@code for (var n : networks())}. */
  @Override
  public Iterator<Network> iterator() {
    return list().iterator();
  }

  /** The table as {@code docker network ls} prints it. */
  @Override
  public String toString() {
    return DockerTables.networks(rows).stripTrailing();
  }
}
