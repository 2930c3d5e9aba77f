package press.callback.content;

/** A 1-based line and column in a source file; {@code 0} means unknown. */
public record Position(int line, int column) {
  public static final Position UNKNOWN = new Position(0, 0);

  /** The start of a line. */
  public static Position line(int line) {
    return new Position(line, 1);
  }
}
