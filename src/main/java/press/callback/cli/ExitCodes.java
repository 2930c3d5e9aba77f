package press.callback.cli;

/** The exit codes of {@code press}. */
public final class ExitCodes {
  /** Everything worked. */
  public static final int OK = 0;
  /** The content, templates or configuration have errors; they were printed. */
  public static final int CONTENT = 1;
  /** The command line was wrong: unknown option, missing argument, bad value. */
  public static final int USAGE = 2;
  /** A bug or an environment failure press did not expect; rerun with --verbose. */
  public static final int INTERNAL = 3;

  private ExitCodes() {}
}
