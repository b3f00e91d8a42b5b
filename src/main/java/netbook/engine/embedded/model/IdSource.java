package netbook.engine.embedded.model;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;

/**
 * Where IDs, random MACs, made-up timings and the clock come from. Seeded, everything is
 * reproducible and the clock starts at a fixed instant and moves one second per event; unseeded,
 * IDs are random like Docker's and the clock is the real one.
 */
public final class IdSource {
  static final Instant SEEDED_EPOCH = Instant.parse("2024-01-01T12:00:00Z");

  private final Random random;
  private final Clock clock;
  private Instant fake;

  private IdSource(Random random, Clock clock) {
    this.random = random;
    this.clock = clock;
    this.fake = SEEDED_EPOCH;
  }

  static IdSource random() {
    return new IdSource(new SecureRandom(), Clock.systemUTC());
  }

  static IdSource seeded(long seed) {
    return new IdSource(new Random(seed), null);
  }

  boolean seeded() {
    return clock == null;
  }

  /** A Docker-style ID: 64 lower-case hex digits. */
  String id64() {
    return hex(32);
  }

  /** {@code bytes} random bytes as lower-case hex. */
  String hex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** A locally administered unicast MAC such as Linux gives a veth. */
  String randomMac() {
    byte[] b = new byte[6];
    random.nextBytes(b);
    b[0] = (byte) ((b[0] & 0xfc) | 0x02);
    return Macs.of(b);
  }

  /** A uniformly random int in [from, to). */
  public int between(int from, int to) {
    return from + random.nextInt(to - from);
  }

  /** Now: the real clock, or (seeded) a fake one that advances one second per call. */
  Instant now() {
    if (clock != null) {
      return clock.instant();
    }
    Instant t = fake;
    fake = fake.plus(Duration.ofSeconds(1));
    return t;
  }

  /** The current time without advancing the seeded clock. */
  public Instant peek() {
    return clock != null ? clock.instant() : fake;
  }
}
