package netbook.engine.embedded.http;

import java.time.Duration;

/**
 * What the server puts up with: how long a kept-alive connection may stay idle before its next
 * request, how long a read may wait once a request has begun (and at most the whole head or body
 * may take), the largest request body, and how many connections it serves at once.
 */
public record HttpLimits(
    Duration idleTimeout, Duration readTimeout, long maxBodyBytes, int maxConnections) {

  public static HttpLimits defaults() {
    return new HttpLimits(Duration.ofMinutes(5), Duration.ofSeconds(10), 8L << 20, 64);
  }

  public HttpLimits withReadTimeout(Duration value) {
    return new HttpLimits(idleTimeout, value, maxBodyBytes, maxConnections);
  }

  public HttpLimits withIdleTimeout(Duration value) {
    return new HttpLimits(value, readTimeout, maxBodyBytes, maxConnections);
  }

  public HttpLimits withMaxBodyBytes(long value) {
    return new HttpLimits(idleTimeout, readTimeout, value, maxConnections);
  }

  public HttpLimits withMaxConnections(int value) {
    return new HttpLimits(idleTimeout, readTimeout, maxBodyBytes, value);
  }

  /** The body cap in words: "8 MiB" or "512 bytes". */
  String maxBodyText() {
    return maxBodyBytes % (1 << 20) == 0 ? (maxBodyBytes >> 20) + " MiB" : maxBodyBytes + " bytes";
  }
}
