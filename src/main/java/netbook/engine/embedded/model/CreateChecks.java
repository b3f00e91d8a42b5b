package netbook.engine.embedded.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What dockerd checks of a create request before it looks at the image (runconfig's
 * validateNetMode): options that conflict with the container:ID and host network modes, with
 * Docker's texts; and the warnings the create answer carries.
 */
final class CreateChecks {
  static final String HOST_AND_LINKS =
      "conflicting options: host type networking can't be used with links. This would result in"
          + " undefined behavior";

  private CreateChecks() {}

  /** Fails with Docker's 400 when the request's options conflict with its network mode. */
  static void validate(ContainerConfig r, String mode) {
    boolean container = mode.startsWith("container:");
    if (container && mode.length() == "container:".length()) {
      throw bad("Invalid network mode: invalid container format container:<name|id>");
    }
    if (container) {
      if (given(r.hostname())) {
        throw bad("conflicting options: hostname and the network mode");
      }
      if (given(r.links())) {
        throw bad(
            "conflicting options: container type network can't be used with links. This would"
                + " result in undefined behavior");
      }
      if (given(r.dns())) {
        throw bad("conflicting options: dns and the network mode");
      }
      if (given(r.extraHosts())) {
        throw bad("conflicting options: custom host-to-IP mapping and the network mode");
      }
      if (given(r.portBindings()) || r.publishAll()) {
        throw bad("conflicting options: port publishing and the container type network mode");
      }
      if (given(r.exposedPorts())) {
        throw bad("conflicting options: port exposing and the container type network mode");
      }
    }
    if (mode.equals("host") && given(r.links())) {
      throw bad(HOST_AND_LINKS);
    }
    for (String entry : r.extraHosts() == null ? List.<String>of() : r.extraHosts()) {
      int colon = entry.indexOf(':');
      String ip = colon < 0 ? "" : entry.substring(colon + 1);
      if (colon <= 0 || !(ip.equals("host-gateway") || ip.contains(":") || Ipv4.isAddress(ip))) {
        throw bad("invalid IP address in add-host: \"" + ip + "\"");
      }
    }
  }

  /** The warnings of the create answer (dockerd's verifyPlatformContainerSettings). */
  static List<String> warnings(ContainerConfig r, String mode) {
    List<String> out = new ArrayList<>();
    if (mode.equals("host") && given(r.portBindings())) {
      out.add("Published ports are discarded when using host network mode");
    }
    return out;
  }

  private static boolean given(String s) {
    return s != null && !s.isEmpty();
  }

  private static boolean given(List<?> l) {
    return l != null && !l.isEmpty();
  }

  private static ApiException bad(String message) {
    return ApiException.badRequest(message);
  }
}
