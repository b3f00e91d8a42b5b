package netbook.engine;

import netbook.NetbookException;

/**
 * An error answered by (or on the way to) a Docker engine. {@link #status()} is the HTTP status the
 * Engine API gave (404 not found, 409 conflict, 400 bad parameter, 500 server error), or one of the
 * negative codes for failures that never got an answer.
 */
public class EngineException extends NetbookException {
  private static final long serialVersionUID = 1L;

  /** The engine could not be reached, or went away in the middle of a call. */
  public static final int UNREACHABLE = -1;

  /** The engine did not answer within the call's timeout. */
  public static final int TIMEOUT = -2;

  /** The call was cancelled on the user's request (Ctrl-C); nothing went wrong. */
  public static final int CANCELLED = -3;

  private final int status;

  public EngineException(int status, String message) {
    super(message);
    this.status = status;
  }

  public EngineException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public boolean notFound() {
    return status == 404;
  }

  public boolean cancelled() {
    return status == CANCELLED;
  }

  public boolean conflict() {
    return status == 409;
  }
}
