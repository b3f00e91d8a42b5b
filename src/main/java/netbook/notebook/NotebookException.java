package netbook.notebook;

import netbook.NetbookException;

/** A notebook that cannot be read or run at all; the message is one {@code file:line} line. */
public final class NotebookException extends NetbookException {
  private static final long serialVersionUID = 1L;

  public NotebookException(String message) {
    super(message);
  }
}
