package netbook.lab;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netbook.NetbookException;
import netbook.engine.Engine;

/**
 * Builds the lab images through the engine's API from a statically linked busybox on this machine,
 * as {@code bin/lab-images} does with the docker CLI: the same build context (busybox, a welcome
 * page, passwd and group), the same Dockerfiles, the same {@code netbook.lab=1} label.
 */
final class LabImageBuilder {
  /** Where Debian's busybox-static puts its binary, and what bin/lab-images reads. */
  static final Path HOST_BUSYBOX = Path.of("/bin/busybox");

  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(2);
  private static final Map<String, String> LABELS = Map.of("netbook.lab", "1");

  /** One lab image: its name and its Dockerfile (over the shared context). */
  record Recipe(String image, String dockerfile) {
    @Override
    public String toString() {
      return "recipe " + image;
    }
  }

  static final Recipe TOOLBOX =
      new Recipe(
          LabImages.TOOLBOX,
          """
          FROM scratch
          COPY rootfs/ /
          RUN ["/bin/busybox", "--install", "-s", "/bin"]
          ENV PATH=/bin PS1="\\\\u@\\\\h:\\\\w# "
          CMD ["sh"]
          """);

  static final Recipe WEB =
      new Recipe(
          LabImages.WEB,
          """
          FROM scratch
          COPY rootfs/ /
          RUN ["/bin/busybox", "--install", "-s", "/bin"]
          ENV PATH=/bin
          EXPOSE 80
          CMD ["httpd", "-f", "-v", "-p", "80", "-h", "/www"]
          """);

  static final Recipe BARE =
      new Recipe(
          LabImages.BARE,
          """
          FROM scratch
          COPY rootfs/bin/busybox /bin/busybox
          COPY rootfs/etc/ /etc/
          RUN ["/bin/busybox", "ln", "-s", "/bin/busybox", "/bin/sleep"]
          RUN ["/bin/busybox", "ln", "-s", "/bin/busybox", "/bin/cat"]
          ENV PATH=/bin
          CMD ["sleep", "2147483647"]
          """);

  static final List<Recipe> ALL = List.of(TOOLBOX, WEB, BARE);

  /** The page of the lab web image: the same file bin/lab-images copies. */
  static final String WELCOME = page("/netbook/lab/welcome.html");

  private final Path busybox;

  LabImageBuilder(Path busybox) {
    this.busybox = busybox;
  }

  Path busybox() {
    return busybox;
  }

  /**
   * Why the lab images cannot be built from this machine's busybox ("" when they can): it is
   * missing, or not a statically linked ELF executable (a dynamic one would not run in an image
   * that holds nothing else; ldd's test: it names a program interpreter).
   */
  String unusable() {
    if (!Files.isRegularFile(busybox)) {
      return "there is no " + busybox;
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(busybox)) {
      head = in.readNBytes(64 * 1024);
    } catch (IOException e) {
      return busybox + " cannot be read (" + netbook.Problems.io(e) + ")";
    }
    Optional<Boolean> dynamic = dynamicElf(head);
    if (dynamic.isEmpty()) {
      return busybox + " is not an ELF executable";
    }
    return dynamic.get() ? busybox + " is dynamically linked" : "";
  }

  /**
   * Whether an ELF image names a program interpreter (PT_INTERP: the dynamic loader), read from its
   * first bytes; empty when they are not an ELF header with its program headers.
   */
  static Optional<Boolean> dynamicElf(byte[] head) {
    if (head.length < 52 || head[0] != 0x7f || head[1] != 'E' || head[2] != 'L' || head[3] != 'F') {
      return Optional.empty();
    }
    boolean wide = head[4] == 2;
    ByteBuffer b =
        ByteBuffer.wrap(head).order(head[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    long phoff = wide ? b.getLong(0x20) : Integer.toUnsignedLong(b.getInt(0x1C));
    int phentsize = Short.toUnsignedInt(b.getShort(wide ? 0x36 : 0x2A));
    int phnum = Short.toUnsignedInt(b.getShort(wide ? 0x38 : 0x2C));
    if (phentsize < 4 || phoff + (long) phentsize * phnum > head.length) {
      return Optional.empty();
    }
    for (int i = 0; i < phnum; i++) {
      if (b.getInt((int) (phoff + (long) i * phentsize)) == 3) { // PT_INTERP
        return Optional.of(true);
      }
    }
    return Optional.of(false);
  }

  /** The build context every recipe shares: what bin/lab-images puts in its temporary directory. */
  byte[] context(Recipe recipe) throws IOException {
    byte[] bin = Files.readAllBytes(busybox);
    return new TarWriter()
        .file("Dockerfile", recipe.dockerfile(), 0644)
        .dir("rootfs", 0755)
        .dir("rootfs/bin", 0755)
        .file("rootfs/bin/busybox", bin, 0755)
        .dir("rootfs/www", 0755)
        .file("rootfs/www/index.html", WELCOME, 0644)
        .dir("rootfs/etc", 0755)
        .file("rootfs/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n", 0644)
        .file("rootfs/etc/group", "root:x:0:\n", 0644)
        .dir("rootfs/tmp", 0755)
        .dir("rootfs/root", 0755)
        .toByteArray();
  }

  /** Builds one recipe as {@code tag} (its own name, or a test's); returns the image id. */
  String build(Engine engine, Recipe recipe, String tag) {
    byte[] context;
    try {
      context = context(recipe);
    } catch (IOException e) {
      throw new NetbookException(
          "cannot read " + busybox + " to build " + tag + ": " + netbook.Problems.io(e), e);
    }
    return engine.buildImage(tag, new ByteArrayInputStream(context), LABELS, BUILD_TIMEOUT);
  }

  private static String page(String resource) {
    try (InputStream in = LabImageBuilder.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("netbook's jar lacks " + resource + ": rebuild it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
