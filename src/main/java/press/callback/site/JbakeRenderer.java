package press.callback.site;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbake.app.ContentStore;
import org.jbake.app.Crawler;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.model.DocumentTypes;
import org.jbake.parser.Engines;
import org.jbake.template.ModelExtractors;
import org.jbake.template.ModelExtractorsDocumentTypeListener;
import press.callback.content.Catalog;
import press.callback.content.CatalogBuilder;
import press.callback.content.Entry;
import press.callback.diag.Diagnostic;
import press.callback.diag.Diagnostics;
import press.callback.newsletter.Newsletter;

/**
 * JBake's bake, step by step through its public API (JBake's {@code Oven} offers no way to
 * choose the renderers or to drop documents before rendering): crawl with our engine, remove
 * what readers may not see, render with our templates, copy assets.
 *
 * <p>JBake keeps its content store and type registry in static fields: callers run one bake at
 * a time.
 */
final class JbakeRenderer implements AutoCloseable {
  private static boolean listenerAdded;

  private final SiteProject project;
  private final ContentStore db;
  private StoreSnapshot crawled;

  private JbakeRenderer(SiteProject project, ContentStore db) {
    this.project = project;
    this.db = db;
  }

  /** JBake's default store: in memory, named {@code cache} ({@code db.store}, {@code db.path}). */
  private static final String DEFAULT_STORE = "memory";
  private static final String DEFAULT_PATH = "cache";

  /** A default store started before the project was read ({@link #prestart}), or {@code null}. */
  private static java.util.concurrent.FutureTask<ContentStore> prestarted;

  /**
   * Starts JBake's default store on a thread of its own, before the command line and the project
   * are read: most projects use the default, and the store is the start of a bake's longest chain
   * (store, crawl, pages). {@link #start} takes it if the project's store is the default one.
   */
  static synchronized void prestart() {
    if (prestarted != null) {
      return;
    }
    hashStorePasswordsOnce();
    prestarted = new java.util.concurrent.FutureTask<>(() -> {
      ContentStore db = new ContentStore(DEFAULT_STORE, DEFAULT_PATH);
      db.startup();
      return db;
    });
    Thread t = new Thread(prestarted, "press-store-start");
    t.setDaemon(true);
    t.start();
  }

  /** Whether a prestarted store waits to be taken (for tests). */
  static synchronized boolean prestartPending() {
    return prestarted != null;
  }

  /** The prestarted store if it is the one {@code config} asks for (taken once), else {@code null}. */
  private static ContentStore takePrestarted(DefaultJBakeConfiguration config) {
    java.util.concurrent.FutureTask<ContentStore> task;
    synchronized (JbakeRenderer.class) {
      task = prestarted;
      prestarted = null;
    }
    if (task == null) {
      return null;
    }
    try {
      ContentStore db = task.get();
      if (DEFAULT_STORE.equalsIgnoreCase(config.getDatabaseStore()) && DEFAULT_PATH.equals(config.getDatabasePath())) {
        return db;
      }
      db.close();
    } catch (java.util.concurrent.ExecutionException e) {
      // started again below, where a failure is reported
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  /**
   * JBake's store is an in-memory database opened as admin/admin by JBake itself; OrientDB would
   * hash its default users' passwords with 65,536 rounds of PBKDF2 — most of a second. Nothing is
   * protected by them, so they are hashed once.
   */
  private static void hashStorePasswordsOnce() {
    if (System.getProperty("security.userPasswordDefaultAlgorithm") == null) {
      System.setProperty("security.userPasswordDefaultAlgorithm", "SHA-256");
    }
  }

  /**
   * Starts JBake's content store (an in-memory OrientDB: the slowest second of a small bake) and
   * registers the document types. Independent of the content, so the baker runs it while the
   * content is read and rendered.
   */
  static JbakeRenderer start(SiteProject project) {
    hashStorePasswordsOnce();
    DefaultJBakeConfiguration config = project.config();
    ContentStore db = takePrestarted(config);
    if (db == null) {
      db = new ContentStore(config.getDatabaseStore(), config.getDatabasePath());
      db.startup();
    }
    registerTypes(config);
    db.updateSchema();
    db.updateAndClearCacheIfNeeded(config.getClearCache(), config.getTemplateFolder());
    return new JbakeRenderer(project, db);
  }

  /**
   * Crawls the content with JBake's crawler: the front matter of every document readers may see
   * goes into the store. Then reads the store back once, for the pages ({@link StoreSnapshot}).
   * Runs beside the rendering of the bodies, before {@link #render}.
   *
   * @param preview whether drafts and future documents are shown (the dev server's --drafts)
   */
  void crawl(List<CatalogBuilder.Planned> plan, LocalDate today, boolean preview) {
    DefaultJBakeConfiguration config = project.config();
    CatalogMarkupEngine engine = new CatalogMarkupEngine(plan, config.getContentFolder(), project.zone());
    for (String ext : ContentLoader.EXTENSIONS) {
      Engines.register(ext, engine);
    }
    Crawler crawler = new Crawler(db, config);
    crawler.crawl();
    crawler.crawlDataFiles();
    crawled = StoreSnapshot.load(db, config.getDataFileDocType(), preview ? doc -> false : hidden(today, project.zone()));
  }

  /** What a render made: the store's documents and the templates, to render emails and edits with. */
  record Rendered(StoreSnapshot snapshot, FreemarkerTemplates templates) {}

  /**
   * Renders the site into the configured destination (after {@link #crawl}); returns the
   * snapshot and templates, or {@code null} if the templates could not be loaded.
   */
  Rendered render(
      Catalog catalog, Newsletter newsletter, LocalDate today, Diagnostics diagnostics,
      java.util.function.Consumer<String> progress) {
    DefaultJBakeConfiguration config = project.config();
    long start = System.nanoTime();
    StoreSnapshot snapshot = java.util.Objects.requireNonNull(crawled, "crawl first");
    snapshot.addBodies(source -> {
      Entry e = catalog.entry(source);
      return e == null ? null : CatalogMarkupEngine.bodyFields(e);
    });
    TemplateHelpers helpers = new TemplateHelpers(project.host(), project.locale(), project.zone(), today,
        project.listSettings().subscribeUrl());
    FreemarkerTemplates templates;
    try {
      templates = new FreemarkerTemplates(db, snapshot, project, catalog, newsletter, helpers);
    } catch (IOException e) {
      diagnostics.add(
          Diagnostic.error(
              config.getTemplateFolderName() + "/", 0, 0, "cannot read templates: " + e.getMessage(),
              "check the folder"));
      return null;
    }
    SitePages sitePages = new SitePages(project, snapshot, templates, config.getDestinationFolder().toPath(),
        Math.max(1, Runtime.getRuntime().availableProcessors()));
    int pages = sitePages.all();
    List<String> failures = sitePages.failures();
    progress.accept("rendered " + pages + " pages" + SiteBaker.took(start));
    List<Diagnostic> copying = new AssetCopier(config).copyAll(config.getDestinationFolder().toPath());
    reportRenderingErrors(templates.diagnostics(), failures, diagnostics);
    diagnostics.addAll(copying);
    return new Rendered(snapshot, templates);
  }

  @Override
  public void close() {
    db.close();
    db.shutdown();
  }

  private static synchronized void registerTypes(DefaultJBakeConfiguration config) {
    DocumentTypes.resetDocumentTypes();
    ModelExtractors.getInstance().reset();
    if (!listenerAdded) {
      DocumentTypes.addListener(new ModelExtractorsDocumentTypeListener());
      listenerAdded = true;
    }
    for (String type : config.getDocumentTypes()) {
      DocumentTypes.addDocumentType(type);
    }
    DocumentTypes.addDocumentType(config.getDataFileDocType());
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
