package netbook.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import netbook.engine.EngineException;
import netbook.engine.ExecResult;

/**
 * Commands run as {@code docker exec -t} runs them: with a terminal, so that programs flush each
 * line (a pipe would make ping's C library buffer it all to the end), their output handed on as it
 * comes, and stopped the way a person stops them: Ctrl-C typed into that terminal, whose line
 * discipline sends SIGINT to the command's whole process group inside the container. A command that
 * ignores it gets Ctrl-\ (SIGQUIT) two seconds later, and a second after that the stream is closed.
 *
 * <p>Each stream runs on a thread of the root thread group, never on the caller's: JShell's stop
 * ends every thread of the snippet's group with ThreadDeath, and a stream thread that died in the
 * middle of the HTTP client would leave a connection half-used. The caller only waits; whatever
 * ends that wait (an interrupt, a stop, a timeout), the command in the container is stopped.
 */
final class LiveExecs {
  private static final System.Logger LOG = System.getLogger(LiveExecs.class.getName());
  private static final int CTRL_C = 0x03;
  private static final int CTRL_BACKSLASH = 0x1c;
  private static final long QUIT_AFTER_MS = 2_000;
  private static final long CLOSE_AFTER_MS = 3_000;

  private final DockerClient client;
  private final DockerClient streams;
  private final String endpoint;
  private final Set<Running> running = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(rootGroup(), r, "netbook-exec-live");
            t.setDaemon(true);
            return t;
          });

  LiveExecs(DockerClient client, DockerClient streams, String endpoint) {
    this.client = client;
    this.streams = streams;
    this.endpoint = endpoint;
  }

  private static ThreadGroup rootGroup() {
    ThreadGroup g = Thread.currentThread().getThreadGroup();
    while (g.getParent() != null) {
      g = g.getParent();
    }
    return g;
  }

  ExecResult run(String container, List<String> cmd, Duration timeout, Consumer<String> live) {
    long t0 = System.nanoTime();
    String what = "'" + String.join(" ", cmd) + "' in " + container;
    ExecCreateCmdResponse ex =
        Conversions.call(
            "exec in " + container,
            endpoint,
            () ->
                client
                    .execCreateCmd(container)
                    .withCmd(cmd.toArray(String[]::new))
                    .withAttachStdin(true)
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .withTty(true)
                    .exec());
    Running r = new Running(ex.getId(), live);
    running.add(r);
    Future<?> stream = threads.submit(() -> r.stream(timeout));
    boolean waited = false;
    try {
      stream.get();
      waited = true;
    } catch (InterruptedException e) {
      r.interrupt();
      waitQuietly(stream);
      waited = true;
      Thread.currentThread().interrupt();
      throw new EngineException(EngineException.CANCELLED, what + " was stopped (Ctrl-C)", e);
    } catch (ExecutionException e) {
      waited = true;
      if (e.getCause() instanceof EngineException ee) {
        throw ee;
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw Conversions.error(what, re, endpoint);
      }
      throw new EngineException(EngineException.UNREACHABLE, what + ": " + e.getCause(), e);
    } finally {
      running.remove(r);
      if (!waited) {
        // the caller was stopped (JShell's stop): the command goes, its later output is not shown
        r.silence();
        r.interrupt();
      }
    }
    if (r.timedOut) {
      throw new EngineException(
          EngineException.TIMEOUT,
          what
              + " did not finish within "
              + Math.max(1, timeout.toSeconds())
              + " s; it was stopped");
    }
    if (r.interrupted) {
      throw new EngineException(EngineException.CANCELLED, what + " was stopped (Ctrl-C)");
    }
    Long code =
        Conversions.call(
            "inspect exec",
            endpoint,
            () -> client.inspectExecCmd(ex.getId()).exec().getExitCodeLong());
    return new ExecResult(
        code == null ? -1 : code.intValue(),
        r.text(),
        "",
        Duration.ofNanos(System.nanoTime() - t0));
  }

  /** Ctrl-C to every command running now that has not had one; whether there was one. */
  boolean interruptAll() {
    boolean any = false;
    for (Running r : running) {
      any |= r.interrupt();
    }
    return any;
  }

  void close() {
    for (Running r : running) {
      r.interrupt();
    }
    threads.shutdown();
  }

  private static void waitQuietly(Future<?> f) {
    try {
      f.get(CLOSE_AFTER_MS + 1_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(Level.DEBUG, "a stopped command's stream ended badly", e);
    }
  }

  /** One command: its stream, its keys, what it printed. */
  private final class Running {
    private final String execId;
    private final Consumer<String> live;
    private final Keys keys = new Keys();
    private final Utf8Text text = new Utf8Text();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean forward = true;
    private boolean echoDropped;
    private volatile boolean interrupted;
    private volatile boolean timedOut;
    private volatile long interruptedAt;

    Running(String execId, Consumer<String> live) {
      this.execId = execId;
      this.live = live;
    }

    /** Types Ctrl-C into the command's terminal, once; whether this was the first. */
    synchronized boolean interrupt() {
      if (interrupted) {
        return false;
      }
      interrupted = true;
      interruptedAt = System.nanoTime();
      keys.type(CTRL_C);
      return true;
    }

    void silence() {
      forward = false;
    }

    String text() {
      return text.all();
    }

    void stream(Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      boolean quit = false;
      try (var cb =
          streams
              .execStartCmd(execId)
              .withTty(true)
              .withStdIn(keys)
              .exec(
                  new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame f) {
                      String s = text.add(f.getPayload());
                      if (interrupted && !echoDropped && s.contains("^C")) {
                        // the terminal echoes the Ctrl-C it got; the user's own terminal already
                        // did
                        echoDropped = true;
                        s = s.replaceFirst("\\^C", "");
                      }
                      if (forward && !s.isEmpty()) {
                        live.accept(s);
                      }
                    }

                    @Override
                    public void onComplete() {
                      super.onComplete();
                      ended.countDown();
                    }

                    @Override
                    public void onError(Throwable t) {
                      super.onError(t);
                      ended.countDown();
                    }
                  })) {
        // (not cb.awaitCompletion(timeout): when that times out, it closes the stream)
        while (!ended.await(100, TimeUnit.MILLISECONDS)) {
          long now = System.nanoTime();
          if (!interrupted && now > deadline) {
            timedOut = true;
            interrupt();
          }
          if (interrupted) {
            long since = (now - interruptedAt) / 1_000_000;
            if (!quit && since > QUIT_AFTER_MS) {
              quit = true;
              keys.type(CTRL_BACKSLASH);
            }
            if (since > CLOSE_AFTER_MS) {
              break; // it ignores both: closing the stream is all that is left
            }
          }
        }
        String rest = text.flush();
        if (forward && !rest.isEmpty()) {
          live.accept(rest);
        }
        if (ended.getCount() == 0) {
          cb.awaitCompletion(); // at once: it ended; throws what broke the stream, if anything
        }
      } catch (IOException e) {
        LOG.log(Level.DEBUG, "closing an exec stream", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (DockerException e) {
        throw Conversions.error("exec " + execId, e, endpoint);
      } finally {
        keys.close();
      }
    }
  }

  /**
   * The command's stdin: nothing until a key is typed, the end once the command is over. The
   * hijacked connection's writer reads it on a thread of its own.
   */
  private static final class Keys extends InputStream {
    private static final int END = -1;
    private final LinkedBlockingQueue<Integer> typed = new LinkedBlockingQueue<>();

    void type(int key) {
      typed.add(key);
    }

    @Override
    public int read() throws IOException {
      try {
        int k = typed.take();
        if (k == END) {
          typed.add(END); // every later read sees the end too
        }
        return k;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return END;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      int k = read();
      if (k == END) {
        return END;
      }
      b[off] = (byte) k;
      return 1;
    }

    @Override
    public void close() {
      typed.add(END);
    }
  }

  /**
   * A terminal's bytes as text: UTF-8 sequences split between two frames are joined, and the
   * terminal's CR LF line ends read as LF.
   */
  static final class Utf8Text {
    private final StringBuilder all = new StringBuilder();
    private byte[] carry = new byte[0];
    private boolean pendingCr;

    synchronized String add(byte[] bytes) {
      byte[] b = new byte[carry.length + bytes.length];
      System.arraycopy(carry, 0, b, 0, carry.length);
      System.arraycopy(bytes, 0, b, carry.length, bytes.length);
      int complete = completeLength(b);
      carry = java.util.Arrays.copyOfRange(b, complete, b.length);
      return emit(new String(b, 0, complete, StandardCharsets.UTF_8));
    }

    synchronized String flush() {
      String s = carry.length == 0 ? "" : new String(carry, StandardCharsets.UTF_8);
      carry = new byte[0];
      if (pendingCr) {
        pendingCr = false;
        s = "\r" + s;
      }
      all.append(s);
      return s;
    }

    synchronized String all() {
      return all.toString();
    }

    private String emit(String s) {
      StringBuilder out = new StringBuilder();
      if (pendingCr) {
        pendingCr = false;
        s = "\r" + s;
      }
      for (int i = 0; i < s.length(); i++) {
        char ch = s.charAt(i);
        if (ch == '\r') {
          if (i + 1 == s.length()) {
            pendingCr = true; // its LF may come in the next frame
            break;
          }
          if (s.charAt(i + 1) == '\n') {
            continue;
          }
        }
        out.append(ch);
      }
      all.append(out);
      return out.toString();
    }

    /** The length of {@code b} without an unfinished UTF-8 sequence at its end. */
    private static int completeLength(byte[] b) {
      int n = b.length;
      for (int back = 1; back <= Math.min(3, n); back++) {
        int x = b[n - back] & 0xff;
        if ((x & 0xc0) == 0x80) {
          continue; // a continuation byte: look further back for its lead
        }
        int need = x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : x >= 0xc0 ? 2 : 1;
        return need > back ? n - back : n;
      }
      return n;
    }
  }
}
