package netbook.engine.docker;

import java.util.List;
import netbook.engine.Engine;
import netbook.engine.HostInterface;

/** How an engine's host-side interfaces are read: from this machine, or from the model. */
@FunctionalInterface
public interface HostInterfaces {
  List<HostInterface> read(Engine engine);
}
