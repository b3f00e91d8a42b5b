package netbook.lab;

/** What {@code http(url)} fetched: the status line and the page title, body kept for asserts. */
public record HttpResult(String url, int status, String statusLine, String title, String body) {
  /** Whether the status is a success or a redirect (200 to 399). */
  public boolean ok() {
    return status >= 200 && status < 400;
  }

  @Override
  public String toString() {
    return statusLine + (title.isEmpty() ? "" : " — " + title);
  }
}
