package netbook.engine.docker;

import java.util.ArrayList;
import java.util.List;
import netbook.engine.Engine;
import netbook.engine.HostInterface;
import netbook.engine.NetworkInfo;

/**
 * For a remote engine, whose host netbook cannot read: the bridges as the networks describe them
 * (docker0 and br-… with their gateway addresses). Veths are not visible from here.
 */
final class DerivedHostInterfaces implements HostInterfaces {
  @Override
  public List<HostInterface> read(Engine engine) {
    List<HostInterface> out = new ArrayList<>();
    int index = 1;
    for (NetworkInfo n : engine.networks()) {
      if (n.bridgeName().isEmpty()) {
        continue;
      }
      String prefix = n.subnet().contains("/") ? n.subnet().substring(n.subnet().indexOf('/')) : "";
      List<String> addrs = n.gateway().isEmpty() ? List.of() : List.of(n.gateway() + prefix);
      out.add(new HostInterface(++index, n.bridgeName(), "bridge", "", addrs, true, "", "", 0));
    }
    return out;
  }
}
