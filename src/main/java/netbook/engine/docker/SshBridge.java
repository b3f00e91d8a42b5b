package netbook.engine.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import netbook.engine.EngineException;

/**
 * {@code DOCKER_HOST=ssh://[user@]host[:port]} as the docker CLI does it: every connection to the
 * daemon is one {@code ssh … -- docker system dial-stdio} process, whose stdin and stdout carry the
 * Engine API. docker-java speaks only unix, tcp and npipe, so it connects to a private unix socket
 * (in a 0700 temporary directory) that this bridge accepts on, starting one ssh per accepted
 * connection and pumping bytes both ways. {@link #close()} ends every ssh it started and removes
 * the directory.
 */
final class SshBridge implements AutoCloseable {
  private final URI target;
  private final List<String> command;
  private final Path dir;
  private final Path socket;
  private final ServerSocketChannel server;
  private final Set<Process> processes = ConcurrentHashMap.newKeySet();
  private volatile String lastError = "";
  private volatile boolean closed;

  private SshBridge(URI target, List<String> command, Path dir, ServerSocketChannel server) {
    this.target = target;
    this.command = command;
    this.dir = dir;
    this.socket = dir.resolve("docker.sock");
    this.server = server;
  }

  /** Starts accepting on a private socket; no ssh runs until docker-java connects. */
  static SshBridge open(String sshHost, List<String> options, Duration connectTimeout) {
    URI uri;
    try {
      uri = URI.create(sshHost);
    } catch (IllegalArgumentException e) {
      throw new EngineException(
          EngineException.UNREACHABLE,
          "DOCKER_HOST=" + sshHost + " is not an ssh://[user@]host[:port] address");
    }
    if (uri.getHost() == null) {
      throw new EngineException(
          EngineException.UNREACHABLE,
          "DOCKER_HOST=" + sshHost + " names no host: use ssh://[user@]host[:port]");
    }
    List<String> cmd = command(uri, options, connectTimeout);
    try {
      Path dir =
          Files.createTempDirectory(
              "netbook-ssh-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(dir.resolve("docker.sock")));
      SshBridge b = new SshBridge(uri, cmd, dir, server);
      Thread t = new Thread(b::accept, "netbook-ssh-bridge");
      t.setDaemon(true);
      t.start();
      return b;
    } catch (IOException e) {
      throw new EngineException(
          EngineException.UNREACHABLE, "cannot open the local end of the ssh bridge: " + e, e);
    }
  }

  /** The ssh command line for one connection: as the docker CLI runs it, never asking anything. */
  static List<String> command(URI uri, List<String> options, Duration connectTimeout) {
    List<String> cmd = new ArrayList<>();
    cmd.add("ssh");
    cmd.add("-T");
    cmd.add("-o");
    cmd.add("BatchMode=yes");
    cmd.add("-o");
    cmd.add("ConnectTimeout=" + Math.max(1, connectTimeout.toSeconds()));
    cmd.addAll(options);
    if (uri.getPort() > 0) {
      cmd.add("-p");
      cmd.add(String.valueOf(uri.getPort()));
    }
    if (uri.getUserInfo() != null && !uri.getUserInfo().isEmpty()) {
      cmd.add("-l");
      cmd.add(uri.getUserInfo());
    }
    cmd.add("--");
    cmd.add(uri.getHost());
    cmd.addAll(List.of("docker", "system", "dial-stdio"));
    return List.copyOf(cmd);
  }

  /** What docker-java connects to. */
  String unixHost() {
    return "unix://" + socket;
  }

  /** How many ssh processes run now. */
  int running() {
    return (int) processes.stream().filter(Process::isAlive).count();
  }

  private void accept() {
    while (!closed) {
      SocketChannel client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      Process p;
      try {
        p = new ProcessBuilder(command).start();
      } catch (IOException e) {
        lastError = "ssh: " + e.getMessage();
        closeQuietly(client);
        continue;
      }
      processes.add(p);
      if (closed) {
        p.destroyForcibly();
      }
      // (the channel itself, not Channels' streams: those lock the channel for a blocking read,
      // and a write in the other direction would wait for it)
      pump("netbook-ssh-in", in(client), p.getOutputStream(), p, client);
      pump("netbook-ssh-out", p.getInputStream(), out(client), p, client);
      Thread err = new Thread(() -> collect(p), "netbook-ssh-err");
      err.setDaemon(true);
      err.start();
      p.onExit().thenRun(() -> processes.remove(p));
    }
  }

  private static InputStream in(SocketChannel c) {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return c.read(ByteBuffer.wrap(b, off, len));
      }
    };
  }

  private static OutputStream out(SocketChannel c) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        while (buf.hasRemaining()) {
          c.write(buf);
        }
      }
    };
  }

  private void pump(String name, InputStream in, OutputStream out, Process p, SocketChannel c) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[16384];
              try (in;
                  out) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                  out.write(buf, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // one side went away: end both
              } finally {
                closeQuietly(c);
                p.destroy();
              }
            },
            name);
    t.setDaemon(true);
    t.start();
  }

  private void collect(Process p) {
    try (InputStream err = p.getErrorStream()) {
      String text = new String(err.readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!text.isEmpty()) {
        lastError = text;
      }
    } catch (IOException e) {
      // the process is gone
    }
  }

  /**
   * Why the ssh connection failed, as one line with the fix, or empty when ssh said nothing (waits
   * briefly for an ssh that is still exiting).
   */
  String diagnosis() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (lastError.isEmpty() && running() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return diagnose(target, lastError);
  }

  /** ssh's error output as one line that names the fix; "" for none. */
  static String diagnose(URI target, String sshError) {
    if (sshError == null || sshError.isBlank()) {
      return "";
    }
    String user = target.getUserInfo() == null ? "" : target.getUserInfo() + "@";
    String dest = user + target.getHost();
    String port = target.getPort() > 0 ? " -p " + target.getPort() : "";
    String e = sshError.toLowerCase(Locale.ROOT);
    String last = lastLine(sshError);
    if (e.contains("host key verification failed") || e.contains("no host key is known")) {
      return "ssh to "
          + dest
          + ": its host key is not known: connect once with `ssh"
          + port
          + " "
          + dest
          + "` and accept the key, then start again";
    }
    if (e.contains("remote host identification has changed")) {
      return "ssh to "
          + dest
          + ": its host key changed: if that is expected, ssh-keygen -R "
          + target.getHost();
    }
    if (e.contains("permission denied")
        && (e.contains("publickey") || e.contains("password") || e.contains("keyboard"))) {
      return "ssh to "
          + dest
          + " was refused (Permission denied): load your key in ssh-agent (ssh-add), or put it in"
          + " that machine's ~/.ssh/authorized_keys (ssh-copy-id"
          + port
          + " "
          + dest
          + "); netbook never asks for a password";
    }
    if (e.contains("could not resolve hostname")
        || e.contains("connection refused")
        || e.contains("timed out")
        || e.contains("no route to host")) {
      return "ssh to " + dest + " could not connect (" + last + "): check the host and port";
    }
    if (e.contains("permission denied while trying to connect to the docker daemon")) {
      return "on "
          + dest
          + ", the ssh user may not use Docker: there, sudo usermod -aG docker "
          + (target.getUserInfo() == null ? "$USER" : target.getUserInfo())
          + ", then log in again";
    }
    if (e.contains("docker: command not found")
        || e.contains("docker: not found")
        || e.contains("\"docker\": executable file not found")
        || e.matches("(?s).*\\bdocker\\b.*not found.*")) {
      return "there is no docker command on "
          + target.getHost()
          + " (ssh reached it): install Docker there, or put docker on the PATH of"
          + " non-interactive ssh sessions";
    }
    if (e.contains("cannot connect to the docker daemon") || e.contains("is the docker daemon")) {
      return "ssh reached "
          + target.getHost()
          + ", but its Docker daemon does not run: start it there";
    }
    if (e.contains("no such file or directory") && e.contains("ssh")) {
      return "ssh is not installed: install the OpenSSH client (apt-get install openssh-client)";
    }
    return "ssh to " + dest + " failed: " + last;
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\\R");
    return lines[lines.length - 1].strip();
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      try {
        if (!p.waitFor(2, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    try {
      Files.deleteIfExists(socket);
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a temporary directory: the system's cleaning takes it otherwise
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // going away either way
    }
  }
}
