package netbook;

/**
 * The root of netbook's small unchecked exception family. Its message is one line a user can act
 * on: it names the thing that went wrong and, where there is one, the fix. The command-line layer
 * prints only that line unless {@code --verbose} asks for the stack trace.
 */
public class NetbookException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NetbookException(String message) {
    super(message);
  }

  public NetbookException(String message, Throwable cause) {
    super(message, cause);
  }
}
