package netbook.engine.embedded.model;

/** An error the Engine API answers with: an HTTP status and Docker's own message. */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }

  static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  static ApiException conflict(String message) {
    return new ApiException(409, message);
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  static ApiException forbidden(String message) {
    return new ApiException(403, message);
  }

  static ApiException serverError(String message) {
    return new ApiException(500, message);
  }

  static ApiException noSuchContainer(String ref) {
    return notFound("No such container: " + ref);
  }

  static ApiException networkNotFound(String ref) {
    return notFound("network " + ref + " not found");
  }
}
