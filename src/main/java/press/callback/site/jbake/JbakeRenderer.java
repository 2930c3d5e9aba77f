package press.callback.site.jbake;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.jbake.app.ContentStore;
import org.jbake.app.Crawler;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.model.DocumentModel;
import press.callback.content.Catalog;
import press.callback.content.CatalogBuilder;
import press.callback.content.Entry;
import press.callback.diag.Diagnostics;
import press.callback.newsletter.Newsletter;

/**
 * JBake's bake, step by step through its public API (JBake's {@code Oven} offers no way to
 * choose the renderers or to drop documents before rendering): crawl with our engine, remove
 * what readers may not see, render with our templates, copy assets.
 *
 * <p>JBake keeps its content store and type registry in static fields: callers run one bake at
 * a time ({@link JbakeHost#exclusively}). The store is the host's, kept from bake to bake.
 */
public final class JbakeRenderer implements AutoCloseable {
  private final JbakeHost host;
  private final SiteProject project;
  private final ContentStore db;
  private StoreSnapshot crawled;
  /** Whether the crawl or the rendering failed while using the store. */
  private volatile boolean failed;

  private JbakeRenderer(JbakeHost host, SiteProject project, ContentStore db) {
    this.host = host;
    this.project = project;
    this.db = db;
  }

  /**
   * Starts JBake's content store (an in-memory OrientDB: the slowest second of a small bake) and
   * registers the document types. Independent of the content, so the baker runs it while the
   * content is read and rendered.
   */
  public static JbakeRenderer start(JbakeHost host, SiteProject project) {
    return new JbakeRenderer(host, project, host.startStore(project.config()));
  }

  /**
   * Crawls the content with JBake's crawler: the front matter of every document readers may see
   * goes into the store. Then reads the store back once, for the pages ({@link StoreSnapshot}).
   * Runs beside the rendering of the bodies, before {@link #render}.
   *
   * @param preview whether drafts and future documents are shown (the dev server's --drafts)
   */
  public void crawl(List<CatalogBuilder.Planned> plan, LocalDate today, boolean preview) {
    DefaultJBakeConfiguration config = project.config();
    CatalogMarkupEngine engine = new CatalogMarkupEngine(plan, config.getContentFolder(), project.zone());
    host.registerEngine(engine, JbakeHost.MARKUP_EXTENSIONS);
    failed = true;
    Crawler crawler = new Crawler(db, config);
    crawler.crawl();
    crawler.crawlDataFiles();
    crawled = StoreSnapshot.load(db, host.documentTypes(), config.getDataFileDocType(), preview ? doc -> false : hidden(today, project.zone()));
    failed = false;
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
    failed = true;
    PageStage.Rendered rendered = new PageStage(project, today, project.config().getDestinationFolder().toPath())
        .all(db, snapshot, catalog, newsletter, diagnostics, progress);
    failed = false;
    return rendered;
  }

  /** Hands the store back to the host, for the next bake (or to be closed if this one failed in it). */
  @Override
  public void close() {
    host.release(db, failed);
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
