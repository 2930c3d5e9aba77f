package press.callback.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import press.callback.content.Catalog;
import press.callback.content.CatalogBuilder;
import press.callback.content.ListEmail;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;
import press.callback.diag.Diagnostics;
import press.callback.newsletter.IssueAssembler;
import press.callback.newsletter.Newsletter;
import press.callback.site.jbake.JbakeHost;
import press.callback.site.jbake.JbakeRenderer;
import press.callback.site.jbake.PageStage;
import press.callback.site.jbake.SiteProject;

/**
 * Bakes a JBake project into a site folder and a newsletter folder: reads and validates the
 * content into a {@link Catalog}, assembles the newsletter's issues, renders the site through
 * JBake and every issue as email into staging folders, and swaps them in only if nothing failed.
 *
 * <p>JBake keeps its type and engine registries in static fields: one bake per JVM at a time,
 * which {@link #bake} makes sure of through the {@link JbakeHost} it is given.
 *
 * <p>Over 300 lines: the order of the stages, and what each failure leaves on disk, read best in
 * one method.
 */
public final class SiteBaker {
  /**
   * What to bake.
   *
   * @param source the project folder (with {@code jbake.properties}, {@code content/}, …)
   * @param output the site folder to (re)place
   * @param newsletterOutput the folder of the issues' emails to (re)place
   * @param today the build date: later documents are not published
   * @param preview whether drafts and future documents are baked too, and draft issues written as
   *     email (the dev server's {@code --drafts}; never for a site to publish)
   * @param draftsLenient with {@code preview}, whether the lint's and link check's errors in drafts
   *     and future pieces are warnings (the dev server: a draft is work in progress) or errors
   *     ({@code press check --drafts}: as if published)
   */
  public record Request(Path source, Path output, Path newsletterOutput, LocalDate today, boolean preview,
      boolean draftsLenient) {
    /** A bake; with {@code preview}, the dev server's: drafts' problems are warnings. */
    public Request(Path source, Path output, Path newsletterOutput, LocalDate today, boolean preview) {
      this(source, output, newsletterOutput, today, preview, preview);
    }

    /** A bake of what readers may see. */
    public Request(Path source, Path output, Path newsletterOutput, LocalDate today) {
      this(source, output, newsletterOutput, today, false);
    }

    /** The default newsletter folder: {@code newsletter} beside the site folder. */
    public Request(Path source, Path output, LocalDate today) {
      this(source, output, output.toAbsolutePath().normalize().resolveSibling("newsletter"), today);
    }
  }

  /**
   * What a successful bake leaves warm for the dev server to apply edits to, without reading,
   * rendering or crawling everything again.
   */
  record Warm(
      SiteProject project,
      Request request,
      ReadStage.Read read,
      Catalog catalog,
      Newsletter newsletter,
      PageStage.Rendered.Pages pages,
      NewsletterWriter emails) {}

  /**
   * What a bake did.
   *
   * @param diagnostics errors and warnings, sorted
   * @param errorCount errors (if more than 0, the outputs were not changed)
   * @param documents documents published
   * @param hidden drafts and future documents left out of the site
   * @param files files in the new site (pages, feeds, assets)
   * @param emails issues and list emails written as email
   * @param catalog the content read, or {@code null} if it had errors
   * @param outputsIntact whether, after errors, the previous site and newsletter are as they were
   *     (always, but when moving the new ones in failed and so did moving the old ones back)
   */
  public record Result(
      List<Diagnostic> diagnostics,
      int errorCount,
      int documents,
      int hidden,
      int files,
      int emails,
      Catalog catalog,
      boolean outputsIntact) {
    public Result(List<Diagnostic> diagnostics, int errorCount, int documents, int hidden, int files, int emails,
        Catalog catalog) {
      this(diagnostics, errorCount, documents, hidden, files, emails, catalog, true);
    }

    public boolean ok() {
      return errorCount == 0;
    }
  }

  private final JbakeHost jbake;
  private final Consumer<String> progress;

  /** A baker on the process's JBake that reports its steps to {@code progress} (one short line each). */
  public SiteBaker(JbakeHost jbake, Consumer<String> progress) {
    this.jbake = jbake;
    this.progress = progress;
  }

  public Result bake(Request request) {
    return bake(request, warm -> {});
  }

  /** Bakes; after a successful bake, hands what it made to {@code keep}. */
  Result bake(Request request, Consumer<Warm> keep) {
    return jbake.exclusively(() -> {
      Diagnostics diagnostics = new Diagnostics();
      Result result;
      try {
        result = bake(request, diagnostics, keep);
      } catch (ContentException e) {
        diagnostics.addAll(e.diagnostics());
        result = result(diagnostics, null, 0, 0);
      }
      return withSourceLines(result, request.source());
    });
  }

  private Result bake(Request request, Diagnostics diagnostics, Consumer<Warm> keep) throws ContentException {
    SiteProject project = SiteProject.load(request.source(), request.output());
    List<Diagnostic> refused = OutputGuard.problems(request, project, "--output", "--newsletter-output");
    if (!refused.isEmpty()) {
      throw new ContentException(refused);
    }
    // JBake's crawl runs on a thread of its own, beside the rendering of the bodies.
    ExecutorService crawlThread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "press-crawl");
      t.setDaemon(true);
      return t;
    });
    try {
      return bake(request, project, crawlThread, diagnostics, keep);
    } finally {
      crawlThread.shutdown();
      try {
        crawlThread.awaitTermination(1, TimeUnit.MINUTES); // a crawl still running
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Result bake(
      Request request, SiteProject project, ExecutorService crawlThread, Diagnostics diagnostics,
      Consumer<Warm> keep) throws ContentException {
    progress.accept("reading " + project.source().relativize(project.contentFolder()) + "/");
    long start = System.nanoTime();
    CatalogBuilder builder = new CatalogBuilder(project.catalogSettings());
    ReadStage.Read read;
    try {
      read = new ReadStage(project, builder).all(request.today(), request.preview(), diagnostics);
    } catch (ContentException e) {
      diagnostics.addAll(e.diagnostics()); // reported with the files' own errors
      return result(diagnostics, null, 0, 0);
    }
    List<CatalogBuilder.Planned> plan = read.plan();
    // JBake's crawl needs only the front matter: it runs on its own thread while the bodies
    // are rendered here.
    JbakeRenderer renderer = new JbakeRenderer(jbake, project);
    Future<?> crawl = diagnostics.hasErrors() ? null : crawlThread.submit(() -> {
      renderer.crawl(plan, request.today(), request.preview());
      return null;
    });
    Catalog catalog;
    try {
      catalog = new BodyStage(builder).all(plan);
    } catch (ContentException e) {
      diagnostics.addAll(e.diagnostics()); // bodies that cannot be rendered
      return result(diagnostics, null, 0, 0);
    }
    Newsletter newsletter;
    try {
      newsletter = new Newsletter(diagnostics.hasErrors() ? List.of() : IssueAssembler.assemble(catalog, request.preview()));
    } catch (ContentException e) {
      diagnostics.addAll(e.diagnostics());
      return result(diagnostics, null, 0, 0);
    }
    LintStage linter = new LintStage(project, request.today(), request.preview(), request.draftsLenient());
    List<Diagnostic> lint = List.of();
    if (!diagnostics.hasErrors() && linter.enabled()) {
      lint = linter.check(catalog, path -> true);
      diagnostics.addAll(lint);
    }
    if (diagnostics.hasErrors()) {
      return result(diagnostics, null, 0, 0);
    }
    long unpublished = catalog.all().stream().filter(e -> !e.doc().isVisibleOn(request.today())).count();
    progress.accept(
        "read " + catalog.all().size() + " files: "
            + (catalog.all().size() - unpublished) + " published, "
            + unpublished + (unpublished == 1 ? " draft or future" : " drafts or future")
            + (request.preview() && unpublished > 0 ? " (shown)" : "") + "; "
            + newsletter.issues().size() + " newsletter issue" + (newsletter.issues().size() == 1 ? "" : "s")
            + took(start));
    List<ListEmail> listEmails = ListEmails.read(project, diagnostics);
    for (var issue : newsletter.issues()) {
      if (issue.id().equals(ListEmail.FOLDER) && Files.isDirectory(ListEmails.folder(project))) {
        diagnostics.add(Diagnostic.error(issue.entry().path(), 0, 0,
            "this issue's email would be written to newsletter/" + ListEmail.FOLDER + "/, the list emails' folder",
            "name the issue's file by its date, such as content/newsletter/" + issue.date() + ".md"));
      }
    }
    if (diagnostics.hasErrors()) {
      return result(diagnostics, null, 0, 0);
    }
    NewsletterWriter emails = newsletter.issues().isEmpty() && listEmails.isEmpty() ? null
        : NewsletterWriter.prepare(project, newsletter, listEmails, request.today());
    if (!newsletter.issues().isEmpty() && project.listSettings().url() == null) {
      diagnostics.add(noOneClickEndpoint());
    }

    OutputFolder site = stage(OutputGuard.real(request.output())); // through a link: replace what it leads to
    OutputFolder mail = null;
    try {
      mail = stage(OutputGuard.real(request.newsletterOutput()));
      project.config().setDestinationFolder(site.staging().toFile());
      crawled(crawl);
      if (!(renderer.render(catalog, newsletter, request.today(), diagnostics, progress)
          instanceof PageStage.Rendered.Pages rendered)) {
        return result(diagnostics, catalog, 0, 0); // the templates could not be read: reported
      }
      if (emails != null && !diagnostics.hasErrors()) {
        long emailStart = System.nanoTime();
        emails.write(catalog, mail.staging(), diagnostics);
        int written = newsletter.issues().size() + listEmails.size();
        progress.accept("rendered " + written + " email" + (written == 1 ? "" : "s") + took(emailStart));
      }
      if (project.lintEnabled() && !diagnostics.hasErrors()) { // links, anchors, images of the staged site
        // a draft's warnings let the bake go on to the pages: a link the lint reported already is
        // not reported again from the page
        java.util.Set<String> seen = new java.util.HashSet<>();
        lint.forEach(d -> seen.add(d.location()));
        diagnostics.addAll(linter.lenient(catalog, SiteCheck.run(project, catalog, site.staging(), request.output(), progress))
            .stream().filter(d -> !seen.contains(d.location())).toList());
      }
      if (diagnostics.hasErrors()) {
        return result(diagnostics, catalog, 0, 0);
      }
      int files = site.countFiles();
      for (Path leftover : OutputFolder.commitAll(List.of(site, mail))) {
        diagnostics.add(Diagnostic.warning(leftover.toString(), 0, 0,
            "the new site and newsletter are in place, but this copy of the previous one could not be deleted",
            "delete it by hand (check its permissions and attributes: lsattr, chattr -i)"));
      }
      keep.accept(new Warm(project, request, read, catalog, newsletter, rendered, emails));
      return result(diagnostics, catalog, files, newsletter.issues().size() + listEmails.size());
    } catch (OutputFolder.SwapException e) {
      if (e.intact()) {
        diagnostics.add(Diagnostic.error(request.output().toString(), 0, 0,
            "cannot put the new site and newsletter in place (" + e.getMessage() + "); both were left as they were",
            "check the folders' permissions and attributes (lsattr), then bake again"));
        return result(diagnostics, catalog, 0, 0);
      }
      diagnostics.add(Diagnostic.error(request.output().toString(), 0, 0,
          "cannot put the new site and newsletter in place (" + e.getMessage() + "), nor put everything back: "
              + String.join("; ", e.stuck()),
          "move the folders named back by hand, then bake again"));
      Result r = result(diagnostics, catalog, 0, 0);
      return new Result(r.diagnostics(), r.errorCount(), r.documents(), r.hidden(), r.files(), r.emails(),
          r.catalog(), false);
    } catch (IOException e) {
      diagnostics.add(
          Diagnostic.error(request.output().toString(), 0, 0, "cannot write the output: " + e.getMessage(),
              "check the disk and the folder's permissions, then bake again"));
      return result(diagnostics, catalog, 0, 0);
    } finally {
      site.discard();
      if (mail != null) {
        mail.discard();
      }
    }
  }

  /**
   * Without a list service the emails promise a one-click unsubscribe (List-Unsubscribe-Post)
   * that nothing answers: Gmail and Yahoo expect bulk senders to honour it.
   */
  static Diagnostic noOneClickEndpoint() {
    return Diagnostic.warning("jbake.properties", 0, 0,
        "newsletter.list_url is not set: the emails' one-click unsubscribe (List-Unsubscribe-Post) has no endpoint",
        "run the list service (press list serve) and set newsletter.list_url=https://list.example.org;"
            + " the unsubscribe links then lead to it");
  }

  /** " (1.2 s)": how long since {@code start}, for progress lines. */
  static String took(long start) {
    return String.format(java.util.Locale.ROOT, " (%.1f s)", (System.nanoTime() - start) / 1e9);
  }

  private static void crawled(Future<?> crawl) throws ContentException {
    try {
      crawl.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContentException(Diagnostic.error("jbake.properties", 0, 0, "interrupted", "bake again"));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ContentException named) {
        throw named; // a file the crawl could not read
      }
      throw new ContentException(Diagnostic.error("jbake.properties", 0, 0,
          "JBake failed: " + e.getCause(), "bake with --verbose to see where"));
    }
  }

  private static OutputFolder stage(Path output) throws ContentException {
    try {
      return OutputFolder.stage(output);
    } catch (IOException e) {
      throw new ContentException(
          Diagnostic.error(
              output.toString(), 0, 0, "cannot create the output folder: " + e.getMessage(),
              "check that the folder's parent is writable, or choose another folder"));
    }
  }

  private static Result result(Diagnostics d, Catalog catalog, int files, int emails) {
    int docs = catalog == null ? 0 : catalog.entries().size();
    int hidden = catalog == null ? 0 : catalog.all().size() - docs;
    return new Result(d.sorted(), d.errorCount(), docs, hidden, files, emails, catalog);
  }

  /** Adds the quoted source line to diagnostics that point at a line but do not show it. */
  static Result withSourceLines(Result r, Path source) {
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : r.diagnostics()) {
      if (d.line() > 0 && d.sourceLine().isEmpty()) {
        try {
          List<String> lines = Files.readAllLines(source.resolve(d.path()));
          if (d.line() <= lines.size()) {
            d = d.withSourceLine(lines.get(d.line() - 1));
          }
        } catch (IOException | RuntimeException e) {
          // keep it without the line
        }
      }
      out.add(d);
    }
    return new Result(out, r.errorCount(), r.documents(), r.hidden(), r.files(), r.emails(), r.catalog(),
        r.outputsIntact());
  }
}
