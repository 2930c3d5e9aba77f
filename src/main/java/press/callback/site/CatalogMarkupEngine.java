package press.callback.site;

import java.io.File;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.configuration2.Configuration;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.parser.ParserEngine;
import press.callback.content.Catalog;
import press.callback.content.Entry;

/**
 * The JBake markup engine for Markdown and HTML files: hands JBake's crawler the documents the
 * catalog already parsed, validated and rendered, so each file is parsed once and the site and the
 * catalog cannot disagree.
 *
 * <p>Documents readers may not see (drafts, future dates) come out with status {@code draft}; the
 * baker removes them from the store before anything is rendered.
 */
final class CatalogMarkupEngine implements ParserEngine {
  static final String DRAFT = "draft";
  static final String PUBLISHED = "published";

  private final Map<String, Entry> byFile = new HashMap<>();
  private final ZoneId zone;

  CatalogMarkupEngine(Catalog catalog, File contentFolder, ZoneId zone) {
    this.zone = zone;
    for (Entry e : catalog.all()) {
      String contentPath = e.doc().contentPath();
      byFile.put(new File(contentFolder, contentPath).getAbsolutePath(), e);
    }
  }

  @Override
  public DocumentModel parse(JBakeConfiguration config, File file) {
    Entry e = byFile.get(file.getAbsolutePath());
    if (e == null) {
      // Not in the catalog: appeared after the catalog was built. Skip it rather than guess.
      return null;
    }
    return model(e, zone);
  }

  /** The JBake model of an entry: JBake's keys plus ours, which templates see as content.*. */
  static DocumentModel model(Entry e, ZoneId zone) {
    DocumentModel m = DocumentModel.createDefaultDocumentModel();
    m.setType(e.type());
    m.setTitle(e.title());
    m.setStatus(e.visible() ? PUBLISHED : DRAFT);
    if (e.date() != null) {
      m.setDate(Date.from(e.date().atStartOfDay(zone).toInstant()));
    }
    m.setTags(e.tags().toArray(String[]::new));
    m.setBody(e.body().html());
    m.put("source", e.path());
    m.put("url", e.url());
    m.put("summary", e.summary());
    m.put("reading_minutes", e.body().readingMinutes());
    e.doc().extra().forEach((k, v) -> m.put(k, v instanceof List<?> l ? List.copyOf(l) : v));
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
