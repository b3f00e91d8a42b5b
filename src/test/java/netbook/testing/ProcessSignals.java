package netbook.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;

/**
 * Tests that send SIGINT to a bin/netbook they start: a child inherits an ignored SIGINT, and a JVM
 * that starts with SIGINT ignored never sees it. That happens when Maven itself was started in the
 * background by a non-interactive shell ({@code mvn verify &} in a script): say so in one line,
 * rather than fail later on a Ctrl-C that never arrived.
 */
public final class ProcessSignals {
  private static final int SIGINT = 2;

  private ProcessSignals() {}

  /** Fails with the reason when this JVM (hence every process it starts) ignores SIGINT. */
  public static void requireSigintDelivered() {
    if (ignored(SIGINT).orElse(false)) {
      Assertions.fail(
          "SIGINT is ignored in this JVM, so the bin/netbook it starts would never see Ctrl-C:"
              + " was mvn started in the background by a non-interactive shell? Start it in the"
              + " foreground (or through env --default-signal=INT mvn ...)");
    }
  }

  /** Whether {@code signal} is ignored here, from /proc/self/status (empty: cannot tell). */
  static Optional<Boolean> ignored(int signal) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("SigIgn:")) {
          BigInteger mask = new BigInteger(line.substring("SigIgn:".length()).strip(), 16);
          return Optional.of(mask.testBit(signal - 1));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or no /proc: nothing to tell
    }
    return Optional.empty();
  }
}
