package press.callback.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import press.callback.diag.Diagnostic;
import press.callback.site.SiteBaker;

/** {@code press bake}: content/, templates/ and assets/ → the website. */
@Command(
    name = "bake",
    mixinStandardHelpOptions = true,
    description = {
      "Bakes the website into the output folder, and every newsletter issue that is not a"
          + " draft into the newsletter folder as email.",
      "Drafts and anything dated after the build date are left out. On errors nothing is"
          + " written: the previous output stays as it was."
    })
final class BakeCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(
      names = "--source",
      paramLabel = "DIR",
      description = "The project folder (with jbake.properties, content/, templates/). Default: .")
  Path source = Path.of(".");

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Where the site goes. Default: target/site in the project folder.")
  Path output;

  @Option(
      names = "--newsletter-output",
      paramLabel = "DIR",
      description = "Where each issue's email goes (DIR/<date>/email.html, .txt, .eml)."
          + " Default: newsletter beside the site folder.")
  Path newsletterOutput;

  @Option(
      names = "--today",
      paramLabel = "yyyy-MM-dd",
      converter = DateConverter.class,
      description = "The build date: what is dated later stays unpublished. Default: today.")
  LocalDate today;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show JBake's log and stack traces.")
  boolean verbose;

  @Override
  public Integer call() {
    Logging.configure(verbose);
    Path out = output != null ? output : source.resolve("target").resolve("site");
    Path mail = newsletterOutput != null
        ? newsletterOutput
        : out.toAbsolutePath().normalize().resolveSibling("newsletter");
    LocalDate day = today != null ? today : LocalDate.now(main.clock());
    long start = System.nanoTime();
    SiteBaker.Request request = new SiteBaker.Request(source, out, mail, day);
    if (OutputChecks.refused(main.err(), request, "--output", "--newsletter-output")) {
      return ExitCodes.USAGE;
    }
    SiteBaker.Result result = new SiteBaker(main.runtime().jbake(), step -> main.out().println("press: " + step)).bake(request);
    for (Diagnostic d : result.diagnostics()) {
      main.err().println(d.format());
    }
    if (!result.ok()) {
      main.err().printf(
          "press: %d error%s; %s%n", result.errorCount(), result.errorCount() == 1 ? "" : "s",
          result.outputsIntact() ? Shown.path(out) + " and " + Shown.path(mail) + " were left as they were"
              : Shown.path(out) + " and " + Shown.path(mail) + " need repair (see above)");
      return ExitCodes.CONTENT;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    main.out().printf(
        Locale.ROOT,
        "press: baked %d files (%d published, %d left out) in %.1f s → %s%n",
        result.files(), result.documents(), result.hidden(), took.toMillis() / 1000.0, Shown.path(out));
    if (result.emails() > 0) {
      main.out().printf("press: wrote %d newsletter email%s → %s%n",
          result.emails(), result.emails() == 1 ? "" : "s", Shown.path(mail));
    }
    return ExitCodes.OK;
  }
}
