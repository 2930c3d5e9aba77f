package press.callback.site;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jbake.app.ContentStore;
import org.jbake.app.Crawler;
import org.jbake.app.Renderer;
import org.jbake.app.Utensils;
import org.jbake.app.UtensilsFactory;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.model.DocumentTypes;
import org.jbake.parser.Engines;
import org.jbake.render.ArchiveRenderer;
import org.jbake.render.DocumentsRenderer;
import org.jbake.render.Error404Renderer;
import org.jbake.render.FeedRenderer;
import org.jbake.render.IndexRenderer;
import org.jbake.render.RenderingTool;
import org.jbake.render.SitemapRenderer;
import org.jbake.render.TagsRenderer;
import org.jbake.template.ModelExtractors;
import org.jbake.template.ModelExtractorsDocumentTypeListener;
import org.jbake.template.RenderingException;
import press.callback.content.Catalog;
import press.callback.content.CatalogBuilder;
import press.callback.content.Document;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;
import press.callback.diag.Diagnostics;

/**
 * Bakes a JBake project into a site folder: reads and validates the content into a {@link
 * Catalog}, runs JBake's crawler and renderers with our Markdown engine and templates into a
 * staging folder, and swaps it in only if nothing failed.
 *
 * <p>JBake keeps its content store and type registry in static fields: one bake per JVM at a
 * time, which {@link #bake} enforces.
 */
public final class SiteBaker {
  private static final Object ONE_BAKE_AT_A_TIME = new Object();
  private static boolean listenerAdded;

  /**
   * What to bake.
   *
   * @param source the project folder (with {@code jbake.properties}, {@code content/}, …)
   * @param output the site folder to (re)place
   * @param today the build date: later documents are not published
   */
  public record Request(Path source, Path output, LocalDate today) {}

  /**
   * What a bake did.
   *
   * @param diagnostics errors and warnings, sorted
   * @param errorCount errors (if more than 0, the output was not changed)
   * @param documents documents published
   * @param hidden drafts and future documents left out
   * @param files files in the new site (pages, feeds, assets)
   * @param catalog the content read, or {@code null} if it had errors
   */
  public record Result(
      List<Diagnostic> diagnostics,
      int errorCount,
      int documents,
      int hidden,
      int files,
      Catalog catalog) {
    public boolean ok() {
      return errorCount == 0;
    }
  }

  private final Consumer<String> progress;

  /** A baker that reports its steps to {@code progress} (one short line each). */
  public SiteBaker(Consumer<String> progress) {
    this.progress = progress;
  }

  public Result bake(Request request) {
    synchronized (ONE_BAKE_AT_A_TIME) {
      Diagnostics diagnostics = new Diagnostics();
      try {
        return bake(request, diagnostics);
      } catch (ContentException e) {
        diagnostics.addAll(e.diagnostics());
        return result(diagnostics, null, 0);
      }
    }
  }

  private Result bake(Request request, Diagnostics diagnostics) throws ContentException {
    SiteProject project = SiteProject.load(request.source(), request.output());
    progress.accept("reading " + project.source().relativize(project.contentFolder()) + "/");
    List<Document> docs = new ContentLoader(project).load(diagnostics);
    Catalog catalog;
    try {
      catalog = new CatalogBuilder(project.catalogSettings()).build(docs, request.today());
    } catch (ContentException e) {
      diagnostics.addAll(e.diagnostics()); // reported with the files' own errors
      return result(diagnostics, null, 0);
    }
    if (diagnostics.hasErrors()) {
      return result(diagnostics, null, 0);
    }
    progress.accept(
        "read " + catalog.all().size() + " files: " + catalog.entries().size() + " published, "
            + (catalog.all().size() - catalog.entries().size()) + " drafts or future");

    OutputFolder out;
    try {
      out = OutputFolder.stage(request.output());
    } catch (IOException e) {
      throw new ContentException(
          Diagnostic.error(
              request.output().toString(), 0, 0, "cannot create the output folder: " + e.getMessage(),
              "check that the folder's parent is writable, or pass --output DIR"));
    }
    boolean committed = false;
    try {
      project.config().setDestinationFolder(out.staging().toFile());
      runJbake(project, catalog, request.today(), diagnostics);
      if (diagnostics.hasErrors()) {
        return result(diagnostics, catalog, 0);
      }
      int files = 0;
      try {
        files = out.countFiles();
        out.commit();
        committed = true;
      } catch (IOException e) {
        diagnostics.add(
            Diagnostic.error(
                request.output().toString(), 0, 0, "cannot replace the output folder: " + e.getMessage(),
                "close programs using it and bake again"));
      }
      return result(diagnostics, catalog, files);
    } finally {
      if (!committed) {
        out.discard();
      }
    }
  }

  private static Result result(Diagnostics d, Catalog catalog, int files) {
    int docs = catalog == null ? 0 : catalog.entries().size();
    int hidden = catalog == null ? 0 : catalog.all().size() - docs;
    return new Result(d.sorted(), d.errorCount(), docs, hidden, files, catalog);
  }

  /** JBake's bake, step by step through its public API. */
  private void runJbake(SiteProject project, Catalog catalog, LocalDate today, Diagnostics diagnostics) {
    DefaultJBakeConfiguration config = project.config();
    CatalogMarkupEngine engine =
        new CatalogMarkupEngine(catalog, config.getContentFolder(), project.zone());
    for (String ext : ContentLoader.EXTENSIONS) {
      Engines.register(ext, engine);
    }
    Utensils utensils = UtensilsFactory.createDefaultUtensils(config);
    ContentStore db = utensils.getContentStore();
    try {
      db.startup();
      registerTypes(config);
      db.updateSchema();
      db.updateAndClearCacheIfNeeded(config.getClearCache(), config.getTemplateFolder());
      Crawler crawler = utensils.getCrawler();
      crawler.crawl();
      crawler.crawlDataFiles();
      removeUnpublished(db, today, project.zone());

      TemplateHelpers helpers = new TemplateHelpers(project.host(), project.locale(), project.zone(), today);
      FreemarkerTemplates templates;
      try {
        templates = new FreemarkerTemplates(db, project, catalog, helpers);
      } catch (IOException e) {
        diagnostics.add(
            Diagnostic.error(
                config.getTemplateFolderName() + "/", 0, 0, "cannot read templates: " + e.getMessage(),
                "check the folder"));
        return;
      }
      Renderer renderer = new Renderer(db, config, templates);
      progress.accept("rendering pages");
      List<String> failures = new ArrayList<>();
      for (RenderingTool tool : tools(config, templates, project)) {
        try {
          tool.render(renderer, db, config);
        } catch (RenderingException e) {
          failures.add(e.getMessage());
        }
      }
      utensils.getAsset().copy();
      utensils.getAsset().copyAssetsFromContent(config.getContentFolder());
      reportRenderingErrors(templates.diagnostics(), failures, diagnostics);
      for (Throwable t : utensils.getAsset().getErrors()) {
        diagnostics.add(
            Diagnostic.error(
                config.getAssetFolderName() + "/", 0, 0, "cannot copy asset: " + t.getMessage(),
                "check the file's permissions"));
      }
    } finally {
      db.close();
      db.shutdown();
    }
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
   * Deletes from the store what readers may not see: drafts, scheduled documents, anything dated
   * after the build date — whichever engine parsed it. Nothing is rendered for them, so they are
   * absent from pages, lists, tags, feed and sitemap.
   */
  private static void removeUnpublished(ContentStore db, LocalDate today, ZoneId zone) {
    Date endOfToday = Date.from(today.plusDays(1).atStartOfDay(zone).toInstant());
    for (String type : DocumentTypes.getDocumentTypes()) {
      for (DocumentModel doc : db.getAllContent(type)) {
        boolean published = CatalogMarkupEngine.PUBLISHED.equals(doc.getStatus());
        boolean future = doc.getDate() != null && !doc.getDate().before(endOfToday);
        if (!published || future) {
          db.deleteContent(doc.getSourceuri());
        }
      }
    }
  }

  private static List<RenderingTool> tools(
      DefaultJBakeConfiguration config, FreemarkerTemplates templates, SiteProject project) {
    List<RenderingTool> tools = new ArrayList<>();
    tools.add(new DocumentsRenderer());
    tools.add(new IndexRenderer());
    tools.add(new ArchiveRenderer());
    tools.add(new TagsRenderer());
    tools.add(new FeedRenderer());
    tools.add(new SitemapRenderer());
    tools.add(new Error404Renderer());
    tools.add(new ExtraPagesRenderer(templates, project.extraPages()));
    return tools;
  }

  /**
   * Template errors become one diagnostic per place in a template (a broken layout would
   * otherwise repeat once per page); failures without a template diagnostic are reported as they
   * are.
   */
  private static void reportRenderingErrors(
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
      for (String failure : failures) {
        diagnostics.add(
            Diagnostic.error(
                "templates/", 0, 0, "rendering failed: " + failure.replace('\n', ' '),
                "run with --verbose for details"));
      }
    }
  }
}
