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
final class JbakeRenderer {
  private static boolean listenerAdded;

  /**
   * Renders the site into the configured destination; returns the templates (to render emails
   * with), or {@code null} if they could not be loaded.
   */
  FreemarkerTemplates render(
      SiteProject project, Catalog catalog, Newsletter newsletter, LocalDate today, Diagnostics diagnostics) {
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
        templates = new FreemarkerTemplates(db, project, catalog, newsletter, helpers);
      } catch (IOException e) {
        diagnostics.add(
            Diagnostic.error(
                config.getTemplateFolderName() + "/", 0, 0, "cannot read templates: " + e.getMessage(),
                "check the folder"));
        return null;
      }
      Renderer renderer = new Renderer(db, config, templates);
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
      return templates;
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
