package netbook.lab;

import java.time.Duration;
import java.util.Optional;
import netbook.NetbookException;
import netbook.engine.EngineException;

/**
 * Turns the image a lesson names into one the engine has. Offline, tutorial names resolve to the
 * lab images (one line says so) and nothing is ever pulled. Online, a missing image is pulled with
 * its progress shown (through the session); if the pull fails and a lab stand-in exists, the
 * stand-in is used (a cancelled pull is no failure: it ends the call).
 */
final class ImageResolver {
  private static final Duration PULL_TIMEOUT = Duration.ofMinutes(5);

  private final Session session;

  ImageResolver(Session session) {
    this.session = session;
  }

  String resolve(String ref) {
    Optional<String> alias = LabImages.aliasFor(ref);
    if (session.offline()) {
      if (alias.isPresent()) {
        return useAlias(ref, alias.get());
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
    try {
      session.pull(ref, PULL_TIMEOUT); // its progress, and the final line, go to the session
      return ref;
    } catch (EngineException e) {
      if (alias.isPresent()) {
        session.notice("could not pull " + ref + " (" + e.getMessage() + ")");
        return useAlias(ref, alias.get());
      }
      throw new NetbookException("image " + ref + " could not be pulled: " + e.getMessage(), e);
    }
  }

  private String useAlias(String ref, String lab) {
    if (session.engine().findImage(lab).isEmpty()) {
      throw new NetbookException(
          "lab image "
              + lab
              + " is missing: build it with bin/lab-images"
              + " (it needs Debian's busybox-static)");
    }
    session.noticeOnce("alias:" + ref, "offline: " + ref + " is played by the lab image " + lab);
    return lab;
  }
}
