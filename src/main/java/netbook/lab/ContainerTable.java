package netbook.lab;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import netbook.engine.ContainerInfo;
import netbook.render.DockerTables;

/**
 * {@code containers()}: the containers, printed as {@code docker ps} prints them (each image as it
 * was asked for), and a list of container handles to loop over: {@code for (var c : containers())
 * c.ping("web")}.
 */
public final class ContainerTable implements Iterable<Container> {
  private final Session session;
  private final List<ContainerInfo> rows;
  private final Instant at;

  /** The rows as the engine listed them at {@code at}, with handles on {@code session}. */
  public ContainerTable(Session session, List<ContainerInfo> rows, Instant at) {
    this.session = session;
    this.rows = rows.stream().map(Session::asNamed).toList();
    this.at = at;
  }

  /** What the engine reported for each container, as listed. */
  public List<ContainerInfo> rows() {
    return rows;
  }

  /** When the list was taken (the "CREATED" column counts from it). */
  public Instant at() {
    return at;
  }

  /** The containers' names, in the table's order. */
  public List<String> names() {
    return rows.stream().map(ContainerInfo::name).toList();
  }

  /** How many containers the table lists. */
  public int size() {
    return rows.size();
  }

  /** Whether the table lists no container. */
  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The container in row {@code index} (from 0), as a handle. */
  public Container get(int index) {
    return new Container(session, rows.get(index).name());
  }

  /** The containers as handles, in the table's order. */
  public List<Container> list() {
    return rows.stream().map(c -> new Container(session, c.name())).toList();
  }

  /** The containers as handles, as a stream: {@code containers().stream().map(c -> c.ip())}. */
  public Stream<Container> stream() {
    return list().stream();
  }

  /** The containers as handles, for {@code for (var c : containers())}. */
  @Override
  public Iterator<Container> iterator() {
    return list().iterator();
  }

  /** The table as {@code docker ps} prints it. */
  @Override
  public String toString() {
    return DockerTables.containers(rows, at).stripTrailing();
  }
}
