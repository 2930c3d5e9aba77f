package press.callback.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;

/** Renders validated documents and assembles them into a {@link Catalog}. */
public final class CatalogBuilder {

  /**
   * Settings of the catalog that come from the site configuration.
   *
   * @param uris where content files are written
   * @param stepNames the names of the playbook's steps, in order
   * @param tagPath JBake's {@code tag.path}, the folder of tag pages
   * @param reserved output files the site makes itself (index, feed, …): content may not use them
   */
  public record Settings(UriScheme uris, List<String> stepNames, String tagPath, Set<String> reserved) {
    public Settings {
      stepNames = List.copyOf(stepNames);
      reserved = Set.copyOf(reserved);
    }
  }

  private final Settings settings;
  private final BodyRenderer renderer = new BodyRenderer();

  public CatalogBuilder(Settings settings) {
    this.settings = settings;
  }

  /**
   * Builds the catalog of {@code docs} as seen on {@code today}.
   *
   * @throws ContentException if two documents (or a document and a page the site makes) would be
   *     written to the same file
   */
  public Catalog build(List<Document> docs, LocalDate today) throws ContentException {
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, Document> byUri = new HashMap<>();
    List<Entry> entries = new ArrayList<>();
    for (Document doc : docs.stream().sorted((a, b) -> a.path().compareTo(b.path())).toList()) {
      String uri = settings.uris().uri(doc.contentPath());
      Document first = byUri.putIfAbsent(uri, doc);
      if (first != null) {
        problems.add(
            Diagnostic.error(
                doc.path(),
                0,
                0,
                "writes the same page as " + first.path() + " (" + uri + ")",
                "rename or move one of the two files"));
        continue;
      }
      if (settings.reserved().contains(uri)) {
        problems.add(
            Diagnostic.error(
                doc.path(),
                0,
                0,
                "writes " + uri + ", which the site generates itself",
                "rename or move the file"));
        continue;
      }
      entries.add(
          new Entry(
              doc, renderer.render(doc), uri, settings.uris().url(doc.contentPath()),
              doc.isVisibleOn(today)));
    }
    if (!problems.isEmpty()) {
      throw new ContentException(problems);
    }
    String ext = settings.uris().outputExtension();
    return new Catalog(entries, settings.stepNames(), "/" + settings.tagPath() + "/", ext);
  }
}
