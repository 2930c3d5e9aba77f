package press.callback.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in the project's sources, pointing at a file and (when known) a line and
 * column, with a hint on how to fix it.
 *
 * @param path the file, relative to the project (for example {@code content/articles/2026/x.md})
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param severity error or warning
 * @param message what is wrong, one line
 * @param hint how to fix it, one line, or empty
 * @param sourceLine the text of {@code line}, shown under the message with a caret, or empty
 */
public record Diagnostic(
    String path,
    int line,
    int column,
    Severity severity,
    String message,
    String hint,
    String sourceLine) {

  /** Orders diagnostics by file, then line, then column: the order a reader fixes them in. */
  public static final Comparator<Diagnostic> BY_POSITION =
      Comparator.comparing(Diagnostic::path)
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column);

  public Diagnostic {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
    sourceLine = sourceLine == null ? "" : sourceLine;
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("negative position " + line + ":" + column);
    }
  }

  /** An error at a position, with a hint; the source line is attached later if known. */
  public static Diagnostic error(String path, int line, int column, String message, String hint) {
    return new Diagnostic(path, line, column, Severity.ERROR, message, hint, "");
  }

  /** A warning at a position, with a hint. */
  public static Diagnostic warning(String path, int line, int column, String message, String hint) {
    return new Diagnostic(path, line, column, Severity.WARNING, message, hint, "");
  }

  /** This diagnostic with the given text as the source line shown under it. */
  public Diagnostic withSourceLine(String text) {
    return new Diagnostic(path, line, column, severity, message, hint, text);
  }

  /**
   * The source line as it can be shown in a terminal: a tab as one space (so the caret lines
   * up), other control characters (an escape would change the terminal's colours) as U+FFFD.
   */
  private static String printable(String line) {
    StringBuilder sb = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      sb.append(c == '\t' ? ' ' : Character.getType(c) == Character.CONTROL || c == '\uFFFE' || c == '\uFFFF' ? '\uFFFD' : c);
    }
    return sb.toString();
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code path:line:col}, leaving out what is unknown. */
  public String location() {
    StringBuilder sb = new StringBuilder(path);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.toString();
  }

  /**
   * The diagnostic as a compiler would print it:
   *
   * <pre>
   * content/articles/2026/x.md:3:8: error: 'date' is not a date: 2026-13-01
   *     date: 2026-13-01
   *           ^
   *   hint: write the date as yyyy-MM-dd, for example 2026-11-30
   * </pre>
   */
  /** The most of a source line a diagnostic shows. */
  private static final int MAX_SHOWN = 160;

  public String format() {
    StringBuilder sb = new StringBuilder();
    sb.append(location()).append(": ").append(severity.label()).append(": ").append(message);
    if (!sourceLine.isEmpty()) {
      String shown = printable(sourceLine);
      int caret = Math.min(Math.max(column - 1, 0), shown.length());
      if (shown.length() > MAX_SHOWN) { // a window around the column, not 40,000 characters of one line
        int from = Math.max(0, Math.min(caret - MAX_SHOWN / 2, shown.length() - MAX_SHOWN));
        int to = Math.min(shown.length(), from + MAX_SHOWN);
        caret = caret - from + (from > 0 ? 1 : 0);
        shown = (from > 0 ? "…" : "") + shown.substring(from, to) + (to < shown.length() ? "…" : "");
      }
      sb.append('\n').append("    ").append(shown);
      if (column > 0) {
        sb.append('\n').append("    ").append(" ".repeat(caret)).append('^');
      }
    }
    if (!hint.isEmpty()) {
      sb.append('\n').append("  hint: ").append(hint);
    }
    return sb.toString();
  }
}
