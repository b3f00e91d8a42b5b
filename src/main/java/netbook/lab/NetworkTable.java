package netbook.lab;

import java.util.List;
import netbook.engine.NetworkInfo;
import netbook.render.DockerTables;

/** {@code networks()}: the engine's networks, printed as {@code docker network ls} prints them. */
public record NetworkTable(List<NetworkInfo> rows) {
  public NetworkTable {
    rows = List.copyOf(rows);
  }

  public List<String> names() {
    return rows.stream().map(NetworkInfo::name).toList();
  }

  @Override
  public String toString() {
    return DockerTables.networks(rows).stripTrailing();
  }
}
