package press.callback.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import press.callback.check.LinkReport;
import press.callback.check.LinkStatus;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;
import press.callback.site.SiteBaker;
import press.callback.site.SiteCheck;
import press.callback.site.jbake.SiteProject;

/** {@code press check}: bake the current sources, then report every problem found. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Bakes the site and the newsletter as 'press bake' does, then reports every problem: the"
          + " content lint, links, #anchors and images of the baked pages (traced back to the"
          + " Markdown line or template that wrote them), and the newsletter's email gate.",
      "With --external, also asks each external http(s) address once whether it still works."
    })
final class CheckCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--source", paramLabel = "DIR", description = "The project folder. Default: .")
  Path source = Path.of(".");

  @Option(names = "--output", paramLabel = "DIR", description = "Where the site goes. Default: target/site in the project folder.")
  Path output;

  @Option(names = "--newsletter-output", paramLabel = "DIR", description = "Where the emails go. Default: newsletter beside the site folder.")
  Path newsletterOutput;

  @Option(
      names = "--today",
      paramLabel = "yyyy-MM-dd",
      converter = DateConverter.class,
      description = "The build date: what is dated later stays unpublished. Default: today.")
  LocalDate today;

  @Option(names = "--external", description = "Also check external http(s) links (one request per address).")
  boolean external;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "With --external: how long to wait for each server. Default: ${DEFAULT-VALUE}.")
  double timeoutSeconds = 5;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description = "With --external: how many addresses to ask at once. Default: ${DEFAULT-VALUE}.")
  int concurrency = 8;

  @Option(
      names = "--drafts",
      description = "Also check drafts and future pieces as if they were published (errors like any"
          + " other), baked into a scratch folder under target/: the site is left as it is.")
  boolean drafts;

  @Option(names = {"-v", "--verbose"}, description = "Show JBake's log and stack traces.")
  boolean verbose;

  @Override
  public Integer call() {
    if (timeoutSeconds <= 0 || concurrency < 1) {
      throw new ParameterException(spec.commandLine(), "--timeout and --concurrency must be positive");
    }
    Logging.configure(verbose);
    if (drafts && (output != null || newsletterOutput != null)) {
      throw new ParameterException(spec.commandLine(),
          "--drafts bakes into its own scratch folder (target/check-drafts): leave out --output and --newsletter-output");
    }
    Path scratch = source.resolve("target").resolve("check-drafts");
    Path out = drafts ? scratch.resolve("site") : output != null ? output : source.resolve("target").resolve("site");
    Path mail = drafts ? scratch.resolve("newsletter")
        : newsletterOutput != null ? newsletterOutput : out.toAbsolutePath().normalize().resolveSibling("newsletter");
    LocalDate day = today != null ? today : LocalDate.now(main.clock());
    SiteBaker.Request request = new SiteBaker.Request(source, out, mail, day, drafts, false);
    if (OutputChecks.refused(main.err(), request, "--output", "--newsletter-output")) {
      return ExitCodes.USAGE;
    }
    if (drafts) {
      main.out().println("press: checking drafts and future pieces as if published, in " + Shown.path(scratch)
          + " (the site is not touched)");
    }
    try {
      return check(request, out, mail);
    } finally {
      if (drafts) {
        deleteScratch(scratch);
      }
    }
  }

  private int check(SiteBaker.Request request, Path out, Path mail) {
    SiteBaker.Result result = new SiteBaker(main.runtime().jbake(), step -> main.out().println("press: " + step)).bake(request);
    List<Diagnostic> found = new ArrayList<>(result.diagnostics());
    int errors = result.errorCount();
    if (result.ok()) {
      List<Diagnostic> more = afterTheBake(result, out);
      found.addAll(more);
      errors += (int) more.stream().filter(Diagnostic::isError).count();
    }
    found.sort(Diagnostic.BY_POSITION);
    for (Diagnostic d : found) {
      main.err().println(d.format());
    }
    long warnings = found.stream().filter(d -> !d.isError()).count();
    String counts = plural(errors, "error") + ", " + plural((int) warnings, "warning");
    if (errors > 0) {
      main.err().println("press: check failed: " + counts
          + (drafts ? " (drafts and future pieces included)" : result.ok() ? "" : "; " + Shown.path(out) + " and " + Shown.path(mail)
              + (result.outputsIntact() ? " were left as they were" : " need repair (see above)")));
      return ExitCodes.CONTENT;
    }
    main.out().println("press: check passed: " + counts + (drafts
        ? " (drafts and future pieces included)"
        : " (" + result.files() + " files → " + Shown.path(out) + ")"));
    return ExitCodes.OK;
  }

  /**
   * What the bake does not check: the baked pages' links when the project's lint is off (the
   * bake checks them only with press.lint=true), and external links with --external.
   */
  private List<Diagnostic> afterTheBake(SiteBaker.Result result, Path out) {
    List<Diagnostic> found = new ArrayList<>();
    try {
      SiteProject project = SiteProject.load(source, out);
      if (project.lintEnabled() && !external) {
        return found;
      }
      long start = System.nanoTime();
      LinkReport report = SiteCheck.check(project, result.catalog(), out, out);
      if (!project.lintEnabled()) {
        main.out().printf("press: checked %d pages, %d links%s%n", report.pages(), report.links(), took(start));
        found.addAll(report.diagnostics());
      }
      if (external) {
        start = System.nanoTime();
        int n = report.externalUrls().size();
        main.out().printf("press: asking %d external address%s%n", n, n == 1 ? "" : "es");
        Map<String, LinkStatus> statuses =
            new LinkProber(Duration.ofMillis((long) (timeoutSeconds * 1000)), concurrency).probe(report.externalUrls());
        long failed = statuses.values().stream().filter(s -> !s.ok()).count();
        main.out().printf("press: %d external address%s answered, %d did not work%s%n",
            n - failed, n - failed == 1 ? "" : "es", failed, took(start));
        found.addAll(report.external(statuses));
      }
    } catch (ContentException e) {
      found.addAll(e.diagnostics());
    } catch (IOException e) {
      found.add(Diagnostic.error(out.toString(), 0, 0, "cannot read the baked site: " + e.getMessage(),
          "check the folder's permissions, then run press check again"));
    }
    return found;
  }

  /** The scratch bake of --drafts: press's own output, never the site, so it goes when done. */
  private void deleteScratch(Path scratch) {
    if (!Files.isDirectory(scratch, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(scratch)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      main.err().println("press: warning: could not remove the scratch folder " + Shown.path(scratch) + ": " + e.getMessage());
    }
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  private static String took(long start) {
    return String.format(java.util.Locale.ROOT, " (%.1f s)", (System.nanoTime() - start) / 1e9);
  }
}
