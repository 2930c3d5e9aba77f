package press.callback.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import press.callback.diag.Diagnostic;
import press.callback.serve.DevServer;
import press.callback.site.LiveSite;

/**
 * What {@code press serve} prints while it runs: each change's errors and summary, and for an
 * unexpected failure its stack trace too, with {@code --verbose} only.
 */
final class ServeConsole {
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean verbose;

  ServeConsole(PrintWriter out, PrintWriter err, boolean verbose) {
    this.out = out;
    this.err = err;
    this.verbose = verbose;
  }

  /** Prints diagnostics as a compiler would, errors and warnings alike. */
  void diagnostics(List<Diagnostic> diagnostics) {
    for (Diagnostic d : diagnostics) {
      err.println(d.format());
    }
    err.flush();
  }

  /**
   * The stack trace of an unexpected failure, already reported as an error, with {@code
   * --verbose}; nothing without (the error's hint says to rerun with it).
   */
  void failure(Throwable failure) {
    if (failure != null && verbose) {
      failure.printStackTrace(err);
      err.flush();
    }
  }

  /** One change: its diagnostics, then what was rebuilt or how many errors the pages show. */
  void report(DevServer.Report r) {
    LiveSite.Update u = r.update();
    diagnostics(u.diagnostics());
    failure(r.failure());
    String what = u.changedFiles().isEmpty() ? "changes" : String.join(", ", u.changedFiles());
    if (!u.ok()) {
      long errors = u.diagnostics().stream().filter(Diagnostic::isError).count();
      err.printf("press: %s: %d error%s; the pages show %s until fixed%n",
          what, errors, errors == 1 ? "" : "s", errors == 1 ? "it" : "them");
    } else {
      out.printf(Locale.ROOT, "press: %s → %s, %d file%s in %d ms%n", what,
          u.kind() == LiveSite.Kind.FULL ? "baked all" : "rebuilt", u.files(), u.files() == 1 ? "" : "s", r.nanos() / 1_000_000);
    }
    out.flush();
    err.flush();
  }
}
