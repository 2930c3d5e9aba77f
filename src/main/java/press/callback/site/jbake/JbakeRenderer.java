package press.callback.site.jbake;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.model.DocumentModel;
import press.callback.content.Catalog;
import press.callback.content.CatalogBuilder;
import press.callback.content.Entry;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;
import press.callback.diag.Diagnostics;
import press.callback.newsletter.Newsletter;

/**
 * JBake's bake, step by step through its public API (JBake's {@code Oven} offers no way to
 * choose the renderers or to drop documents before rendering): crawl with our engine, remove
 * what readers may not see, render with our templates, copy assets.
 *
 * <p>JBake keeps its type and engine registries in static fields: callers run one bake at a time
 * ({@link JbakeHost#exclusively}).
 */
public final class JbakeRenderer {
  private final JbakeHost host;
  private final SiteProject project;
  private StoreSnapshot crawled;

  public JbakeRenderer(JbakeHost host, SiteProject project) {
    this.host = host;
    this.project = project;
  }

  /**
   * Crawls the content as JBake's crawler does ({@link ContentCrawl}), our engine handing it the
   * front matter of every document readers may see, and lists the documents for the pages
   * ({@link StoreSnapshot}). Runs beside the rendering of the bodies, before {@link #render}.
   *
   * @param preview whether drafts and future documents are shown (the dev server's --drafts)
   * @throws ContentException naming a file JBake's parsers cannot read (a data file's YAML)
   */
  public void crawl(List<CatalogBuilder.Planned> plan, LocalDate today, boolean preview) throws ContentException {
    DefaultJBakeConfiguration config = project.config();
    host.registerTypes(config);
    host.registerEngine(new CatalogMarkupEngine(plan, config.getContentFolder(), project.zone()),
        JbakeHost.MARKUP_EXTENSIONS);
    List<org.jbake.model.DocumentModel> docs;
    try {
      docs = ContentCrawl.run(config);
    } catch (ContentCrawl.Unreadable e) {
      String message = String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ");
      int line = 0;
      int column = 0;
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException y && y.getProblemMark() != null) {
          line = y.getProblemMark().getLine() + 1;
          column = y.getProblemMark().getColumn() + 1;
          message = y.getProblem();
          break;
        }
      }
      throw new ContentException(Diagnostic.error(project.source().relativize(e.file.toPath()).toString(), line, column,
          "JBake cannot read this file: " + message,
          "fix the file (a data file is YAML, JSON or XML), or move it out of the project"));
    }
    crawled = StoreSnapshot.of(docs, host.documentTypes(), config.getDataFileDocType(),
        preview ? doc -> false : hidden(today, project.zone()));
  }

  /**
   * Renders the site into the configured destination (after {@link #crawl}): the documents and
   * templates, or {@link PageStage.Rendered.NoTemplates} if the templates could not be loaded.
   */
  public PageStage.Rendered render(
      Catalog catalog, Newsletter newsletter, LocalDate today, Diagnostics diagnostics,
      java.util.function.Consumer<String> progress) {
    StoreSnapshot snapshot = java.util.Objects.requireNonNull(crawled, "crawl first");
    snapshot.addBodies(source -> {
      Entry e = catalog.entry(source);
      return e == null ? null : CatalogMarkupEngine.bodyFields(e);
    });
    return new PageStage(project, today, project.config().getDestinationFolder().toPath())
        .all(snapshot, catalog, newsletter, diagnostics, progress);
  }

  /**
   * What readers may not see: drafts, scheduled documents, anything dated after the build date.
   * Nothing is rendered for them, so they are absent from pages, lists, tags, feed and sitemap.
   */
  private static java.util.function.Predicate<DocumentModel> hidden(LocalDate today, ZoneId zone) {
    Date endOfToday = Date.from(today.plusDays(1).atStartOfDay(zone).toInstant());
    return doc -> !CatalogMarkupEngine.PUBLISHED.equals(doc.getStatus())
        || (doc.getDate() != null && !doc.getDate().before(endOfToday));
  }
}
