package press.callback.site.jbake;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jbake.model.DocumentModel;
import press.callback.content.Catalog;
import press.callback.content.CatalogBuilder;
import press.callback.diag.Diagnostic;
import press.callback.diag.Diagnostics;
import press.callback.newsletter.Issue;
import press.callback.newsletter.Newsletter;

/**
 * The pages stage: the site's pages from the crawled documents ({@link StoreSnapshot}) with the
 * project's templates — every page and asset in a bake; in the dev server, the pages that show
 * edited documents (their own, their neighbours', the index pages and tag pages that list them,
 * archive, feed, 404, the site's own pages, the issues that carry them).
 */
public final class PageStage {
  /** What rendering every page came to. */
  public sealed interface Rendered {
    /** The pages rendered, and what from: the documents and the templates, for emails and edits. */
    record Pages(StoreSnapshot snapshot, FreemarkerTemplates templates) implements Rendered {}

    /** The templates could not be read (reported): no page rendered. */
    record NoTemplates() implements Rendered {}
  }

  /** What an edit rendered: the new documents and templates, and the files written. */
  public record Edited(Rendered.Pages rendered, int files) {}

  private final SiteProject project;
  private final LocalDate today;
  private final Path destination;

  /** Pages of {@code project} on the build date {@code today}, written into {@code destination}. */
  public PageStage(SiteProject project, LocalDate today, Path destination) {
    this.project = project;
    this.today = today;
    this.destination = destination;
  }

  /** Every page and the assets; what they were rendered from, unless the templates could not be read. */
  Rendered all(StoreSnapshot snapshot, Catalog catalog, Newsletter newsletter,
      Diagnostics diagnostics, Consumer<String> progress) {
    long start = System.nanoTime();
    FreemarkerTemplates templates;
    try {
      templates = new FreemarkerTemplates(snapshot, project, catalog, newsletter, helpers());
    } catch (IOException e) {
      diagnostics.add(
          Diagnostic.error(
              project.config().getTemplateFolderName() + "/", 0, 0, "cannot read templates: " + e.getMessage(),
              "check the folder"));
      return new Rendered.NoTemplates();
    }
    SitePages sitePages = pages(snapshot, templates);
    int pages = sitePages.all();
    List<String> failures = sitePages.failures();
    progress.accept("rendered " + pages + " pages" + took(start));
    List<Diagnostic> copying = new AssetCopier(project.config()).copyAll(destination);
    reportRenderingErrors(templates.diagnostics(), failures, diagnostics);
    diagnostics.addAll(copying);
    return new Rendered.Pages(snapshot, templates);
  }

  /**
   * The pages that show the edited documents or the issues that carry them, rendered with the
   * templates already parsed.
   *
   * @param edited the edited documents, in the plan's order (their dates, types, status and tags
   *     unchanged)
   */
  public Edited edited(Rendered.Pages before, List<CatalogBuilder.Planned> edited, Catalog catalog, Newsletter newsletter,
      List<Issue> issues, Diagnostics diagnostics) {
    Map<String, DocumentModel> models = CatalogMarkupEngine.remodel(edited, before.snapshot(), catalog, project.zone());
    StoreSnapshot snapshot = before.snapshot().replacing(models);
    FreemarkerTemplates templates = before.templates().with(snapshot, catalog, newsletter, helpers());
    SitePages pages = pages(snapshot, templates);
    List<DocumentModel> changedPages = new ArrayList<>(models.values());
    for (Issue issue : issues) {
      DocumentModel page = snapshot.bySource(issue.entry().path());
      if (page != null && !models.containsKey(issue.entry().path())) {
        changedPages.add(page);
      }
    }
    Set<String> tags = new TreeSet<>();
    models.values().forEach(m -> {
      if (m.getTags() != null) {
        tags.addAll(List.of(m.getTags()));
      }
    });
    int files = 0;
    if (!changedPages.isEmpty()) {
      files += pages.documents(pages.withNeighbours(changedPages));
      files += pages.indexPagesListing(models.values());
      files += pages.archive() + pages.tags(tags) + pages.tagsIndex() + pages.feed() + pages.error404();
    }
    files += pages.extraPages();
    reportRenderingErrors(templates.diagnostics(), pages.failures(), diagnostics);
    return new Edited(new Rendered.Pages(snapshot, templates), files);
  }

  private static String took(long start) {
    return String.format(java.util.Locale.ROOT, " (%.1f s)", (System.nanoTime() - start) / 1e9);
  }

  private TemplateHelpers helpers() {
    return new TemplateHelpers(project.host(), project.locale(), project.zone(), today,
        project.listSettings().subscribeUrl());
  }

  private SitePages pages(StoreSnapshot snapshot, FreemarkerTemplates templates) {
    return new SitePages(project, snapshot, templates, destination, Math.max(1, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Template errors become one diagnostic per place in a template (a broken layout would
   * otherwise repeat once per page); failures without a template diagnostic are reported as they
   * are.
   */
  static void reportRenderingErrors(
      List<Diagnostic> fromTemplates, List<String> failures, Diagnostics diagnostics) {
    Map<String, List<Diagnostic>> byPlace = new LinkedHashMap<>();
    for (Diagnostic d : fromTemplates) {
      String message = d.message().replaceFirst(" \\(rendering .*\\)$", "");
      byPlace.computeIfAbsent(d.location() + "|" + message, k -> new ArrayList<>()).add(d);
    }
    for (List<Diagnostic> same : byPlace.values()) {
      Diagnostic first = same.get(0);
      String more = same.size() > 1 ? " and " + (same.size() - 1) + " more" : "";
      String message =
          same.size() > 1 ? first.message().replaceFirst("\\)$", more + ")") : first.message();
      diagnostics.add(
          new Diagnostic(
              first.path(), first.line(), first.column(), first.severity(), message, first.hint(),
              first.sourceLine()));
    }
    if (fromTemplates.isEmpty()) {
      int shown = failures.size() > 5 ? 3 : failures.size();
      for (String failure : failures.subList(0, shown)) {
        diagnostics.add(
            Diagnostic.error(
                "templates/", 0, 0, "rendering failed: " + failure.replace('\n', ' '),
                "run with --verbose for details"));
      }
      if (shown < failures.size()) {
        diagnostics.add(Diagnostic.error("templates/", 0, 0,
            "rendering failed for " + (failures.size() - shown) + " more pages in the same way",
            "fix the first ones; if the cause is the disk, check its space and permissions"));
      }
    }
  }
}
