package press.callback.cli;

import java.io.PrintWriter;
import java.util.List;
import press.callback.diag.Diagnostic;
import press.callback.site.OutputGuard;
import press.callback.site.SiteBaker;

/** The check that comes before every bake of the command line: output folders that would destroy something. */
final class OutputChecks {
  private OutputChecks() {}

  /**
   * Prints why the request's output folders are refused, if they are.
   *
   * @return whether they are refused (the command then exits with {@link ExitCodes#USAGE})
   */
  static boolean refused(PrintWriter err, SiteBaker.Request request, String siteOption, String newsletterOption) {
    List<Diagnostic> refused = OutputGuard.problems(request, siteOption, newsletterOption);
    refused.forEach(d -> err.println(d.format()));
    err.flush();
    return !refused.isEmpty();
  }
}
