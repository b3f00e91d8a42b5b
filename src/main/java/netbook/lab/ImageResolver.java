package netbook.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import netbook.NetbookException;
import netbook.engine.EngineException;

/**
 * Turns the image a lesson names into one the engine has.
 *
 * <ul>
 *   <li>Online, an image present is used; a missing one is pulled (once), its progress shown
 *       through the session; when the pull fails and the name has a lab stand-in, the stand-in
 *       plays it (one notice per name). A cancelled pull (Ctrl-C) is no failure: it ends the call.
 *   <li>Offline ({@code NETBOOK_OFFLINE=1}), tutorial names resolve to the lab images (one notice
 *       per name) and nothing is ever pulled.
 *   <li>The helper that runs network tools in a container's namespace ({@link #helper()}) is the
 *       official {@code busybox} online and the lab toolbox offline.
 *   <li>A lab image that is missing is built through the engine from this machine's statically
 *       linked busybox (one notice for all of them); without one, one line names the fix.
 * </ul>
 */
final class ImageResolver {
  private static final Duration PULL_TIMEOUT = Duration.ofMinutes(5);

  /** The image network tools run from online: the official busybox. */
  static final String HELPER = "busybox:latest";

  private final Session session;
  private final LabImageBuilder builder;

  /** Pulls that failed in this session, by reference: each is tried once. */
  private final Map<String, String> failedPulls = new ConcurrentHashMap<>();

  private volatile String helper;

  ImageResolver(Session session, LabImageBuilder builder) {
    this.session = session;
    this.builder = builder;
  }

  String resolve(String ref) {
    Optional<String> alias = LabImages.aliasFor(ref);
    if (session.offline()) {
      if (alias.isPresent()) {
        return standIn(ref, alias.get(), "offline: " + ref + " is played by the lab image ");
      }
      if (session.engine().findImage(ref).isPresent()) {
        return ref;
      }
      throw new NetbookException(
          "image "
              + ref
              + " is not here and NETBOOK_OFFLINE=1 never pulls:"
              + " use one of "
              + LabImages.aliasNames()
              + " (played by the lab images), or unset NETBOOK_OFFLINE");
    }
    if (session.engine().findImage(ref).isPresent()) {
      return ref;
    }
    Optional<String> failure = pull(ref);
    if (failure.isEmpty()) {
      return ref;
    }
    if (alias.isPresent()) {
      return standIn(
          ref,
          alias.get(),
          "could not pull "
              + ref
              + " ("
              + failure.get()
              + "): "
              + ref
              + " is played by the lab image ");
    }
    throw new NetbookException(
        "image " + ref + " could not be pulled: " + PullAdvice.explain(failure.get()));
  }

  /**
   * The image network tools run from: busybox online (pulled once), the lab toolbox offline or when
   * busybox cannot be pulled.
   */
  String helper() {
    String h = helper;
    if (h != null) {
      return h;
    }
    synchronized (this) {
      if (helper == null) {
        helper = chooseHelper();
      }
      return helper;
    }
  }

  private String chooseHelper() {
    if (session.offline()) {
      ensureLab(LabImages.TOOLBOX, "");
      return LabImages.TOOLBOX;
    }
    if (session.engine().findImage(HELPER).isPresent()) {
      return HELPER;
    }
    Optional<String> failure = pull(HELPER);
    if (failure.isEmpty()) {
      return HELPER;
    }
    ensureLab(LabImages.TOOLBOX, "busybox could not be pulled (" + failure.get() + ")");
    session.notice(
        "could not pull busybox ("
            + failure.get()
            + "): network tools run from the lab image "
            + LabImages.TOOLBOX);
    return LabImages.TOOLBOX;
  }

  /** Pulls {@code ref}; the error's message when it fails (or failed before in this session). */
  private Optional<String> pull(String ref) {
    String failed = failedPulls.get(ref);
    if (failed != null) {
      return Optional.of(failed);
    }
    try {
      session.pull(ref, PULL_TIMEOUT); // its progress, and the final line, go to the session
      return Optional.empty();
    } catch (EngineException e) {
      String message = String.valueOf(e.getMessage());
      failedPulls.put(ref, message);
      return Optional.of(message);
    }
  }

  private String standIn(String ref, String lab, String notice) {
    ensureLab(lab, "");
    session.noticeOnce("alias:" + ref, notice + lab);
    return lab;
  }

  /**
   * Makes sure lab image {@code lab} is present: when it is missing, builds every missing lab image
   * from the host's busybox (one notice), or fails with one line naming the fix ({@code why} says
   * what led here, "" for offline).
   */
  private synchronized void ensureLab(String lab, String why) {
    if (session.engine().findImage(lab).isPresent()) {
      return;
    }
    String unusable = builder.unusable();
    if (!unusable.isEmpty() || session.engine().info().embedded()) {
      throw new NetbookException(
          "lab image "
              + lab
              + " is missing"
              + (why.isEmpty() ? "" : " and " + why)
              + ", and netbook cannot build it: "
              + (unusable.isEmpty() ? "the embedded engine builds no images" : unusable)
              + "; install Debian's busybox-static (apt-get install busybox-static) and run again,"
              + " or run bin/lab-images");
    }
    List<LabImageBuilder.Recipe> missing = new ArrayList<>();
    for (LabImageBuilder.Recipe r : LabImageBuilder.ALL) {
      if (session.engine().findImage(r.image()).isEmpty()) {
        missing.add(r);
      }
    }
    session.notice(
        "building the lab images "
            + String.join(", ", missing.stream().map(LabImageBuilder.Recipe::image).toList())
            + " from "
            + builder.busybox()
            + " through the engine (once per engine)");
    for (LabImageBuilder.Recipe r : missing) {
      try {
        builder.build(session.engine(), r, r.image());
      } catch (EngineException e) {
        throw new NetbookException(
            "building the lab image "
                + r.image()
                + " failed: "
                + e.getMessage()
                + "; bin/lab-images builds it with the docker CLI",
            e);
      }
    }
  }
}
