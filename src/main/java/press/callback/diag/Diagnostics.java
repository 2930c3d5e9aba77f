package press.callback.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects the diagnostics of one run so that all of them are reported at once, up to a cap.
 *
 * <p>Not thread-safe; one collector per run.
 */
public final class Diagnostics {
  /** More errors than this are counted but not kept: the first ones are what a reader fixes. */
  public static final int DEFAULT_CAP = 200;

  private final List<Diagnostic> kept = new ArrayList<>();
  private final int cap;
  private int errors;
  private int warnings;

  public Diagnostics() {
    this(DEFAULT_CAP);
  }

  public Diagnostics(int cap) {
    this.cap = cap;
  }

  public void add(Diagnostic d) {
    if (d.isError()) {
      errors++;
    } else {
      warnings++;
    }
    if (kept.size() < cap) {
      kept.add(d);
    }
  }

  public void addAll(Collection<Diagnostic> ds) {
    ds.forEach(this::add);
  }

  public boolean hasErrors() {
    return errors > 0;
  }

  public int errorCount() {
    return errors;
  }

  public int warningCount() {
    return warnings;
  }

  /** Diagnostics dropped because of the cap. */
  public int dropped() {
    return errors + warnings - kept.size();
  }

  /** The kept diagnostics, sorted by file and position. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(kept);
    copy.sort(Diagnostic.BY_POSITION);
    return List.copyOf(copy);
  }
}
