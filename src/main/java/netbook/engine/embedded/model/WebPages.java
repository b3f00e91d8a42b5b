package netbook.engine.embedded.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** What the web images (nginx, netbook/web) answer: nginx's own welcome and error pages. */
public final class WebPages {
  private WebPages() {}

  public static final String SERVER = "nginx/1.25.3";

  public static final String WELCOME =
      """
      <!DOCTYPE html>
      <html>
      <head>
      <title>Welcome to nginx!</title>
      <style>
      html { color-scheme: light dark; }
      body { width: 35em; margin: 0 auto;
      font-family: Tahoma, Verdana, Arial, sans-serif; }
      </style>
      </head>
      <body>
      <h1>Welcome to nginx!</h1>
      <p>If you see this page, the nginx web server is successfully installed and
      working. Further configuration is required.</p>

      <p>For online documentation and support please refer to
      <a href="http://nginx.org/">nginx.org</a>.<br/>
      Commercial support is available at
      <a href="http://nginx.com/">nginx.com</a>.</p>

      <p><em>Thank you for using nginx.</em></p>
      </body>
      </html>
      """;

  /** The page of netbook's lab web image (busybox httpd standing in for nginx). */
  public static final String LAB_WELCOME = resource("/netbook/lab/welcome.html");

  /** The welcome page the image's server answers with. */
  public static String welcome(ImageRecord image) {
    return image.kind() == ImageRecord.Kind.NGINX ? WELCOME : LAB_WELCOME;
  }

  public static final String NOT_FOUND =
      """
      <html>
      <head><title>404 Not Found</title></head>
      <body>
      <center><h1>404 Not Found</h1></center>
      <hr><center>nginx/1.25.3</center>
      </body>
      </html>
      """;

  /** Whether a request path is the welcome page. */
  public static boolean isIndex(String path) {
    return path.isEmpty() || path.equals("/") || path.equals("/index.html");
  }

  /** The lines nginx's entrypoint logs at start, as {@code docker logs} shows them. */
  public static final String STARTUP_LOG =
      """
      /docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration
      /docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/
      /docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh
      10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf
      10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf
      /docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh
      /docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh
      /docker-entrypoint.sh: Configuration complete; ready for start up
      """;

  /**
   * A page shipped in netbook's jar (the lab web image's page is one file for all who serve it).
   */
  private static String resource(String name) {
    try (InputStream in = WebPages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("netbook's jar lacks " + name + ": rebuild it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
