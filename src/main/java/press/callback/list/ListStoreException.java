package press.callback.list;

/** The list's database could not be opened or used; the message says why, the hint what to do. */
public final class ListStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String hint;

  public ListStoreException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }
}
