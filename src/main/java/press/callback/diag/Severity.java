package press.callback.diag;

import java.util.Locale;

/** How bad a {@link Diagnostic} is: errors fail the run, warnings are only printed. */
public enum Severity {
  ERROR,
  WARNING;

  /** The word used in messages: {@code error} or {@code warning}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
