package netbook.engine.embedded.http;

/** A request the server answers with an error status and closes the connection after. */
final class HttpProblem extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;

  HttpProblem(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  @Override
  public String toString() {
    return status + " " + getMessage();
  }
}
