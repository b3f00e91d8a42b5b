package netbook.engine.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The response timeout on a unix socket, as TCP has it: no single wait for the daemon — the
 * answer's head, or a read of its body — lasts longer than {@code timeout}.
 *
 * <p>Why it is needed: docker-java's zerodep transport asks httpclient5 for a response timeout,
 * which httpclient5 applies with {@code Socket.setSoTimeout}. On a unix socket the socket is
 * docker-java's {@code UnixSocket}: a {@code java.net.Socket} subclass whose streams are {@code
 * Channels.newInputStream} over a JDK {@code SocketChannel}. A blocking channel read ignores
 * SO_TIMEOUT (the JDK's unix-domain channels have no socket adaptor to carry it), and its {@code
 * connect(addr, timeout)} is a no-op (the channel connects, blocking, when it is made). So a daemon
 * that accepts and never answers blocks the reading thread for good; TCP gives up after the
 * timeout.
 *
 * <p>The fix at the depth where it can be made without replacing the transport: a blocking read of
 * a {@code SocketChannel} is interruptible — interrupting the reading thread closes that very
 * channel and the read ends with {@code ClosedByInterruptException}, which httpclient5 treats as a
 * broken connection (discarded, never reused). A watchdog interrupts a thread that has been waiting
 * in one of this client's calls for longer than the timeout, and the interrupt status it set is
 * cleared again before the call returns, so nothing else ever sees it. The failure reaches the
 * caller as {@link NoAnswer}, a timeout naming how long it waited.
 */
final class DeadlineHttpClient implements DockerHttpClient {
  private static final long TICK_MS = 200;

  private final DockerHttpClient delegate;
  private final long timeoutNanos;
  private final Duration timeout;
  private final Set<Wait> waits = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService watchdog;
  private final ScheduledFuture<?> ticks;

  DeadlineHttpClient(DockerHttpClient delegate, Duration timeout) {
    this.delegate = delegate;
    this.timeout = timeout;
    this.timeoutNanos = timeout.toNanos();
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "netbook-docker-deadline");
              t.setDaemon(true);
              return t;
            });
    this.ticks = watchdog.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
  }

  /** A wait that lasted longer than the response timeout. */
  static final class NoAnswer extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    NoAnswer(Duration timeout) {
      super("Timeout: no answer within " + Math.max(1, timeout.toSeconds()) + " s");
    }
  }

  @Override
  public Response execute(Request request) {
    Wait w = begin();
    Response r;
    try {
      r = delegate.execute(request);
    } catch (RuntimeException e) {
      if (w.end()) {
        throw new RuntimeException(new NoAnswer(timeout));
      }
      throw e;
    }
    if (w.end()) {
      r.close();
      throw new RuntimeException(new NoAnswer(timeout));
    }
    return new TimedResponse(r);
  }

  @Override
  public void close() throws IOException {
    ticks.cancel(false);
    watchdog.shutdownNow();
    delegate.close();
  }

  private Wait begin() {
    Wait w = new Wait(Thread.currentThread(), System.nanoTime());
    waits.add(w);
    return w;
  }

  private void tick() {
    long now = System.nanoTime();
    for (Wait w : waits) {
      if (now - w.since > timeoutNanos) {
        w.fire();
      }
    }
  }

  /** One blocking wait of one thread. */
  private final class Wait {
    private final Thread thread;
    private final long since;
    private boolean waiting = true;
    private boolean fired;

    Wait(Thread thread, long since) {
      this.thread = thread;
      this.since = since;
    }

    synchronized void fire() {
      if (waiting && !fired) {
        fired = true;
        thread.interrupt(); // closes the channel the thread is blocked on
      }
    }

    /** Ends the wait; whether it timed out (the interrupt it caused is then cleared). */
    synchronized boolean end() {
      waits.remove(this);
      waiting = false;
      if (fired) {
        Thread.interrupted();
      }
      return fired;
    }
  }

  private final class TimedResponse implements Response {
    private final Response r;
    private volatile InputStream body;

    TimedResponse(Response r) {
      this.r = r;
    }

    @Override
    public int getStatusCode() {
      return r.getStatusCode();
    }

    @Override
    public Map<String, List<String>> getHeaders() {
      return r.getHeaders();
    }

    @Override
    public String getHeader(String name) {
      return r.getHeader(name);
    }

    @Override
    public InputStream getBody() {
      InputStream b = body;
      if (b == null) {
        b = new TimedBody(r.getBody());
        body = b;
      }
      return b;
    }

    @Override
    public void close() {
      r.close();
    }
  }

  /** Each read waits at most the timeout, as SO_TIMEOUT would have it. */
  private final class TimedBody extends InputStream {
    private final InputStream in;

    TimedBody(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n;
      do {
        n = read(one, 0, 1);
      } while (n == 0);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Wait w = begin();
      int n;
      try {
        n = in.read(b, off, len);
      } catch (IOException | RuntimeException e) {
        if (w.end()) {
          throw new NoAnswer(timeout);
        }
        throw e;
      }
      if (w.end()) {
        throw new NoAnswer(timeout);
      }
      return n;
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
