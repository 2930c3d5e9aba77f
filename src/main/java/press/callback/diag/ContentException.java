package press.callback.diag;

import java.util.List;

/**
 * Thrown by a stage that cannot go on because its input has errors. Carries every diagnostic
 * found, not just the first.
 */
public final class ContentException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  public ContentException(List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "content errors" : diagnostics.get(0).format());
    this.diagnostics = List.copyOf(diagnostics);
  }

  public ContentException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
