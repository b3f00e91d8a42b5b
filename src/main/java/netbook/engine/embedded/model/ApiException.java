package netbook.engine.embedded.model;

/** An error the Engine API answers with: an HTTP status and Docker's own message. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, message);
  }

  /** 503: what dockerd answers when the node's Swarm state does not allow the request. */
  public static ApiException unavailable(String message) {
    return new ApiException(503, message);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, message);
  }

  public static ApiException serverError(String message) {
    return new ApiException(500, message);
  }

  public static ApiException noSuchContainer(String ref) {
    return notFound("No such container: " + ref);
  }

  public static ApiException networkNotFound(String ref) {
    return notFound("network " + ref + " not found");
  }
}
