package press.callback.site;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.function.Consumer;
import press.callback.content.Catalog;
import press.callback.content.CatalogBuilder;
import press.callback.content.Document;
import press.callback.content.ListEmail;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;
import press.callback.diag.Diagnostics;
import press.callback.newsletter.Issue;
import press.callback.newsletter.IssueAssembler;
import press.callback.newsletter.Newsletter;
import press.callback.site.jbake.JbakeHost;
import press.callback.site.jbake.PageStage;
import press.callback.site.jbake.SiteProject;

/**
 * The site as the dev server keeps it: baked once, then kept up to date edit by edit in the same
 * JVM. An edited article is read, checked and rendered alone, and only the pages that show it are
 * written again (its page, its neighbours, the index page and tag pages that list it, archive,
 * feed, the site's own pages, the issues that carry it); anything else — a new or deleted file, a
 * changed date, status or tags, a template, the configuration — bakes the whole site again.
 *
 * <p>Not thread-safe: the server applies one change at a time.
 *
 * <p>Which changes can be applied alone is {@link ChangeTriage}'s, the copy of assets
 * {@link AssetSync}'s, what the preview pages show {@link LivePreview}'s. A little over 300 lines:
 * the warm state and the edit that replaces it are kept consistent by one class.
 */
public final class LiveSite {
  /**
   * Where and how to bake.
   *
   * @param source the project folder
   * @param site the folder the site is baked into (the server's own, never the publishable one)
   * @param newsletter the folder of the issues' emails
   * @param preview whether drafts and future documents are shown
   * @param clock today's date, read at every change
   */
  public record Settings(Path source, Path site, Path newsletter, boolean preview, Clock clock) {
    public Settings {
      source = source.toAbsolutePath().normalize();
      site = site.toAbsolutePath().normalize();
      newsletter = newsletter.toAbsolutePath().normalize();
    }
  }

  /**
   * What one change did.
   *
   * @param kind what was done
   * @param diagnostics errors and warnings; on errors the served site was left as it was
   * @param files the files written
   * @param changedFiles the source files the change covered, relative to the project
   */
  public record Update(Kind kind, List<Diagnostic> diagnostics, int files, List<String> changedFiles) {
    public Update {
      diagnostics = List.copyOf(diagnostics);
      changedFiles = List.copyOf(changedFiles);
    }

    public boolean ok() {
      return diagnostics.stream().noneMatch(Diagnostic::isError);
    }
  }

  /** What a change did to the site. */
  public enum Kind {
    /** The whole site baked. */
    FULL,
    /** The pages of edited files written again. */
    EDIT,
    /** Files copied (or removed) as they are. */
    ASSETS,
    /** Nothing to do. */
    NONE
  }

  /** What applying edited documents alone came to. */
  private sealed interface Edit {
    /** Applied: the files written (0 if the edits had errors or changed nothing). */
    record Applied(int files) implements Edit {}

    /** The edits change what cannot be changed alone (type, date, status, tags): bake everything. */
    record NeedsFullBake() implements Edit {}
  }

  private final JbakeHost jbake;
  private final Settings settings;
  private final Consumer<String> progress;
  private SiteBaker.Warm warm;
  private boolean needsFullBake = true;
  private final Set<Path> failing = new LinkedHashSet<>();
  private CatalogBuilder builder;

  /** A site baked on the process's JBake, reporting its steps to {@code progress}. */
  public LiveSite(JbakeHost jbake, Settings settings, Consumer<String> progress) {
    this.jbake = jbake;
    this.settings = settings;
    this.progress = progress;
  }

  public Settings settings() {
    return settings;
  }

  /**
   * The folders to watch (content, templates, assets, data), as configured, or JBake's default
   * names while the configuration cannot be read.
   */
  public List<Path> sourceFolders() {
    try {
      // The folders even while a setting is wrong: fixing it must not need a restart.
      var config = SiteProject.configuration(settings.source(), settings.site());
      return Stream.of(config.getContentFolder(), config.getTemplateFolder(), config.getAssetFolder(),
          config.getDataFolder()).map(java.io.File::toPath).toList();
    } catch (ContentException e) {
      return Stream.of("content", "templates", "assets", "data").map(settings.source()::resolve).toList();
    }
  }

  /** The configuration file, watched too. */
  public Path configFile() {
    return settings.source().resolve("jbake.properties");
  }

  /**
   * What to report when applying a change failed unexpectedly: the pages may be half updated, so
   * the next change bakes everything again.
   */
  public Update failed(Throwable e) {
    needsFullBake = true;
    String why = e instanceof StackOverflowError ? e + " (something is nested too deeply)" : e.toString();
    return new Update(Kind.FULL, List.of(Diagnostic.error("press", 0, 0, "unexpected failure while rebuilding: " + why,
        "save again to retry; if it happens again, run press serve --verbose and report it")), 0, List.of());
  }

  /** Bakes the whole site (the first time, and when an edit cannot be applied alone). */
  public Update bakeAll() {
    return bakeAll(List.of());
  }

  private Update bakeAll(List<String> changedFiles) {
    LocalDate today = LocalDate.now(settings.clock());
    SiteBaker.Warm[] kept = new SiteBaker.Warm[1];
    SiteBaker.Result result = new SiteBaker(jbake, progress).bake(
        new SiteBaker.Request(settings.source(), settings.site(), settings.newsletter(), today, settings.preview()),
        w -> kept[0] = w);
    needsFullBake = !result.ok();
    if (result.ok()) {
      warm = kept[0];
      builder = new CatalogBuilder(warm.project().catalogSettings());
      failing.clear();
    }
    return new Update(Kind.FULL, result.diagnostics(), result.files(), changedFiles);
  }

  /** Brings the site up to date with changed (created, modified or deleted) files. */
  public Update apply(Collection<Path> changed) {
    List<String> all = changed.stream().map(p -> p.toAbsolutePath().normalize())
        .filter(p -> p.startsWith(settings.source())).map(this::relative).sorted().toList();
    if (warm == null || needsFullBake || !LocalDate.now(settings.clock()).equals(warm.request().today())) {
      return bakeAll(all);
    }
    if (!(ChangeTriage.of(warm.project(), configFile(), settings.site(), warm.catalog(), failing, changed)
        instanceof ChangeTriage.Triage.Alone alone)) {
      return bakeAll(all);
    }
    SiteProject project = warm.project();
    Set<Path> edited = alone.edited();
    Map<Path, Path> copies = alone.copies(); // source file → site file
    Diagnostics diagnostics = new Diagnostics();
    // files copied first: a document's error must not hold back the assets saved beside it
    int files = copy(copies, project, diagnostics);
    if (!edited.isEmpty()) {
      if (!(edit(edited, diagnostics) instanceof Edit.Applied applied)) {
        return bakeAll(all);
      }
      files += applied.files();
      if (diagnostics.hasErrors()) {
        failing.addAll(edited);
        SiteBaker.Result r = SiteBaker.withSourceLines(
            new SiteBaker.Result(diagnostics.sorted(), diagnostics.errorCount(), 0, 0, 0, 0, null), project.source());
        return new Update(Kind.EDIT, r.diagnostics(), files, names(edited));
      }
      failing.clear();
    }
    List<String> names = names(edited);
    names.addAll(names(copies.keySet()));
    Kind kind = !edited.isEmpty() ? Kind.EDIT : copies.isEmpty() ? Kind.NONE : Kind.ASSETS;
    return new Update(kind, diagnostics.sorted(), files, names);
  }

  /**
   * Reads, checks and renders edited documents: the files written, or that the edit changes what
   * cannot be changed alone.
   */
  private Edit edit(Set<Path> edited, Diagnostics diagnostics) {
    SiteProject project = warm.project();
    LocalDate today = warm.request().today();
    if (!(new ReadStage(project, builder).edited(edited, warm.read(), warm.catalog(), diagnostics)
        instanceof ReadStage.Edited.Changed changed)) {
      return new Edit.NeedsFullBake();
    }
    Map<String, Document> docs = changed.docs();
    if (docs.isEmpty()) {
      return new Edit.Applied(0);
    }
    List<CatalogBuilder.Planned> plan = changed.read().plan();
    Catalog catalog;
    try {
      catalog = new BodyStage(builder).edited(plan, warm.catalog());
    } catch (ContentException e) {
      diagnostics.addAll(e.diagnostics());
      return new Edit.Applied(0);
    }
    Newsletter newsletter;
    try {
      newsletter = new Newsletter(IssueAssembler.assemble(catalog, settings.preview()));
    } catch (ContentException e) {
      diagnostics.addAll(e.diagnostics());
      return new Edit.Applied(0);
    }
    LintStage linter = new LintStage(project, today, settings.preview(), settings.preview());
    if (linter.enabled()) {
      diagnostics.addAll(linter.check(catalog, docs::containsKey));
    }
    if (diagnostics.hasErrors()) {
      return new Edit.Applied(0);
    }
    List<Issue> issues = newsletter.issues().stream().filter(i -> carries(i, docs.keySet())).toList();
    PageStage.Edited pages = new PageStage(project, today, settings.site()).edited(warm.pages(),
        plan.stream().filter(p -> docs.containsKey(p.doc().path())).toList(), catalog, newsletter, issues, diagnostics);
    int files = pages.files();
    if (!issues.isEmpty() && !diagnostics.hasErrors()) {
      files += writeEmails(new Newsletter(issues), List.of(), null, catalog, diagnostics);
    }
    if (!diagnostics.hasErrors()) {
      warm = new SiteBaker.Warm(project, warm.request(), changed.read(), catalog, newsletter, pages.rendered(), warm.emails());
    } else {
      needsFullBake = true; // some pages may be half-updated: the next change bakes everything
    }
    return new Edit.Applied(files);
  }

  /** Copies changed files published as they are; writes the emails again if their stylesheet changed. */
  private int copy(Map<Path, Path> copies, SiteProject project, Diagnostics diagnostics) {
    int files = AssetSync.copy(copies, project, diagnostics);
    boolean emailCss = copies.containsKey(project.emailCss().toAbsolutePath().normalize());
    List<ListEmail> lists = preview().listEmails();
    if (emailCss && (!warm.newsletter().issues().isEmpty() || !lists.isEmpty())) {
      files += writeEmails(warm.newsletter(), lists, warm.request().today(), warm.catalog(), diagnostics);
    }
    return files;
  }

  /** Writes issues and list emails again (the bake's email stage); returns the files written. */
  private int writeEmails(Newsletter newsletter, List<ListEmail> lists, LocalDate day, Catalog catalog,
      Diagnostics diagnostics) {
    try {
      NewsletterWriter.prepare(warm.project(), newsletter, lists, day).write(catalog, settings.newsletter(), diagnostics);
      return 3 * (newsletter.issues().size() + lists.size());
    } catch (ContentException e) {
      diagnostics.addAll(e.diagnostics());
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(settings.newsletter().toString(), 0, 0,
          "cannot write the newsletter: " + e.getMessage(), "check the disk, then save again"));
    }
    return 0;
  }

  /** What the preview pages show of the site as last baked (nothing before the first bake). */
  public LivePreview preview() {
    return warm == null ? LivePreview.NONE : LivePreview.of(warm, settings.preview());
  }

  private static boolean carries(Issue issue, Set<String> paths) {
    if (paths.contains(issue.entry().path())) {
      return true;
    }
    if (issue.tip() != null && paths.contains(issue.tip().path())
        || issue.snippet() != null && paths.contains(issue.snippet().path())) {
      return true;
    }
    return issue.articles().stream().anyMatch(a -> paths.contains(a.path()));
  }

  private String relative(Path file) {
    return ContentLoader.slashes(settings.source().relativize(file));
  }

  private List<String> names(Collection<Path> files) {
    List<String> out = new ArrayList<>();
    files.forEach(f -> out.add(relative(f)));
    return out;
  }
}
