package netbook.lab;

import java.time.Instant;
import java.util.List;
import netbook.engine.ContainerInfo;
import netbook.render.DockerTables;

/**
 * {@code containers()}: containers, printed as {@code docker ps} prints them, each image as it was
 * asked for ({@link Session#asNamed}).
 */
public record ContainerTable(List<ContainerInfo> rows, Instant at) {
  public ContainerTable {
    rows = rows.stream().map(Session::asNamed).toList();
  }

  public List<String> names() {
    return rows.stream().map(ContainerInfo::name).toList();
  }

  @Override
  public String toString() {
    return DockerTables.containers(rows, at).stripTrailing();
  }
}
