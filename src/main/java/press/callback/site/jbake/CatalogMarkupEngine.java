package press.callback.site.jbake;

import java.io.File;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.configuration2.Configuration;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.parser.ParserEngine;
import press.callback.content.Catalog;
import press.callback.content.CatalogBuilder;
import press.callback.content.Entry;

/**
 * The JBake markup engine for Markdown and HTML files: hands JBake's crawler the documents the
 * content package already read and checked, so each file is parsed once and the site and the
 * catalog cannot disagree.
 *
 * <p>The crawl runs while the bodies are still being rendered: the models carry the front
 * matter only, and {@link #bodyFields} are added to the documents once read back from the store.
 * Documents readers may not see (drafts, future dates) are not handed to JBake at all.
 */
final class CatalogMarkupEngine implements ParserEngine {
  static final String PUBLISHED = "published";
  /** Keys JBake's crawler sets on a document (kept from the crawl when a document is edited). */
  private static final List<String> CRAWLER_KEYS = List.of(
      "rootpath", "sha1", "rendered", "file", "sourceuri", "uri", "cached", "noExtensionUri");

  private final Map<String, CatalogBuilder.Planned> byFile = new HashMap<>();
  private final ZoneId zone;

  CatalogMarkupEngine(List<CatalogBuilder.Planned> plan, File contentFolder, ZoneId zone) {
    this.zone = zone;
    for (CatalogBuilder.Planned p : plan) {
      byFile.put(new File(contentFolder, p.doc().contentPath()).getAbsolutePath(), p);
    }
  }

  @Override
  public DocumentModel parse(JBakeConfiguration config, File file) {
    CatalogBuilder.Planned p = byFile.get(file.getAbsolutePath());
    if (p == null || !p.visible()) {
      // Nothing can render what never enters the crawl. (A file that appeared after the
      // content was read is skipped too, rather than guessed at.)
      return null;
    }
    return model(p, zone);
  }

  /** The JBake model of a document's front matter: JBake's keys plus ours (content.*). */
  static DocumentModel model(CatalogBuilder.Planned p, ZoneId zone) {
    DocumentModel m = DocumentModel.createDefaultDocumentModel();
    var doc = p.doc();
    m.setType(doc.type());
    m.setTitle(doc.title());
    m.setStatus(PUBLISHED);
    if (doc.date() != null) {
      m.setDate(Date.from(doc.date().atStartOfDay(zone).toInstant()));
    }
    m.setTags(doc.tags().toArray(String[]::new));
    m.put("source", doc.path());
    m.put("url", p.url());
    doc.fields().asMap().forEach((k, v) -> m.put(k, v instanceof List<?> l ? List.copyOf(l) : v));
    return m;
  }

  /**
   * The models of edited documents (the dev server's), by source: ours again, with what JBake's
   * crawler set kept from the crawl ({@code before}) and the new rendered body.
   */
  static Map<String, DocumentModel> remodel(List<CatalogBuilder.Planned> edited, StoreSnapshot before,
      Catalog catalog, ZoneId zone) {
    Map<String, DocumentModel> models = new LinkedHashMap<>();
    for (CatalogBuilder.Planned p : edited) {
      DocumentModel old = before.bySource(p.doc().path());
      if (old != null) {
        DocumentModel model = model(p, zone);
        for (String key : CRAWLER_KEYS) {
          if (old.containsKey(key)) {
            model.put(key, old.get(key));
          }
        }
        model.putAll(bodyFields(catalog.entry(p.doc().path())));
        models.put(p.doc().path(), model);
      }
    }
    return models;
  }

  /** What templates see of the rendered body: added to each document after the crawl. */
  static Map<String, Object> bodyFields(Entry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("body", e.body().html());
    m.put("summary", e.summary());
    // Counted when a template asks: the word count needs the body's text, not worked out otherwise.
    m.put("reading_minutes", (freemarker.template.TemplateNumberModel) () -> e.body().readingMinutes());
    if (e.body().email() != null) {
      m.put("email_html", e.body().email().html());
      m.put("email_text", e.body().email().text());
      m.put("notes_html", e.body().notesHtml());
    }
    return m;
  }

  @Override
  @Deprecated
  public Map<String, Object> parse(Configuration config, File file, String contentPath) {
    throw new UnsupportedOperationException("JBake 2.7 calls parse(JBakeConfiguration, File)");
  }
}
