package netbook.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import netbook.engine.Engine;
import netbook.engine.EngineException;
import netbook.lab.LabImages;
import netbook.lab.Swarm;

/**
 * The chapters' images and netbook's lab images on the engine: present, or not (then pulled on
 * first use, or with NETBOOK_OFFLINE=1 stood in for by a lab image). Never pulls: it only asks the
 * engine what it holds.
 */
public final class ImageCheck {
  private ImageCheck() {}

  public static List<Finding> check(Engine engine, ChapterNeeds needs, boolean offline) {
    List<Finding> out = new ArrayList<>();
    if (engine.info().embedded()) {
      out.add(Finding.ok("images", "the embedded engine models every image: nothing to pull"));
      return out;
    }
    Map<String, String> wanted = new TreeMap<>(needs.images());
    List<String> present = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    try {
      for (String image : wanted.keySet()) {
        (has(engine, image) ? present : absent).add(image);
      }
      List<String> labMissing = new ArrayList<>();
      for (String lab : List.of(LabImages.TOOLBOX, LabImages.WEB, LabImages.BARE)) {
        if (!has(engine, lab)) {
          labMissing.add(lab.replace(":latest", ""));
        }
      }
      images(out, present, absent, offline);
      if (labMissing.isEmpty()) {
        out.add(Finding.ok("lab", "lab images built (netbook/toolbox, netbook/web, netbook/bare)"));
      } else if (offline) {
        out.add(
            Finding.problem(
                "lab",
                String.join(", ", labMissing) + " not built, and NETBOOK_OFFLINE=1 needs them",
                "bin/lab-images"));
      } else {
        out.add(
            Finding.warn(
                "lab",
                String.join(", ", labMissing) + " not built (used offline and for network tools)",
                "bin/lab-images"));
      }
      if (!needs.swarm().isEmpty()) {
        out.add(swarm(engine, needs.swarm(), offline));
      }
    } catch (EngineException e) {
      out.add(
          Finding.problem("images", "the engine did not list its images: " + e.getMessage(), ""));
    }
    return out;
  }

  private static void images(
      List<Finding> out, List<String> present, List<String> absent, boolean offline) {
    if (absent.isEmpty()) {
      if (!present.isEmpty()) {
        out.add(Finding.ok("images", String.join(", ", present) + " present"));
      }
      return;
    }
    String have = present.isEmpty() ? "" : " (" + String.join(", ", present) + " present)";
    if (offline) {
      List<String> noStandIn =
          absent.stream().filter(i -> LabImages.aliasFor(i).isEmpty()).toList();
      if (noStandIn.isEmpty()) {
        out.add(
            Finding.ok(
                "images",
                String.join(", ", absent) + " not present: offline, lab images stand in" + have));
      } else {
        out.add(
            Finding.problem(
                "images",
                String.join(", ", noStandIn) + " not present, and NETBOOK_OFFLINE=1 forbids pulls",
                "docker pull " + noStandIn.get(0) + " while online (or docker load it)"));
      }
      return;
    }
    out.add(
        Finding.warn(
            "images",
            String.join(", ", absent) + " not present: pulled on first use" + have,
            "docker pull " + String.join(" && docker pull ", absent) + " (before class)"));
  }

  private static Finding swarm(Engine engine, String where, boolean offline) {
    if (has(engine, Swarm.NODE_IMAGE)) {
      return Finding.ok("swarm", "netbook/node present (swarm from " + where + ")");
    }
    if (has(engine, Swarm.DIND_IMAGE)) {
      return Finding.ok("swarm", "docker:dind present (swarm from " + where + ")");
    }
    String text = "netbook/node and docker:dind not present (swarm at " + where + ")";
    return offline
        ? Finding.problem("swarm", text, "docker pull docker:dind while online")
        : Finding.warn(
            "swarm", text + ": pulled on first use", "docker pull docker:dind (before class)");
  }

  private static boolean has(Engine engine, String ref) {
    return engine.findImage(ref).isPresent();
  }
}
