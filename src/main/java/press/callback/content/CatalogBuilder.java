package press.callback.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
   * Builds the catalog of {@code docs} as seen on {@code today}: {@link #plan}, then {@link
   * #render}.
   *
   * @throws ContentException if two documents (or a document and a page the site makes) would be
   *     written to the same file
   */
  public Catalog build(List<Document> docs, LocalDate today) throws ContentException {
    return render(plan(docs, today));
  }

  /** A document with its address and visibility, before its body is rendered. */
  public record Planned(Document doc, String uri, String url, boolean visible) {}

  /**
   * Decides where each document goes and whether readers may see it — everything JBake's crawler
   * needs — without rendering any Markdown, so the crawl can start at once.
   *
   * @throws ContentException if two documents (or a document and a page the site makes) would be
   *     written to the same file
   */
  public List<Planned> plan(List<Document> docs, LocalDate today) throws ContentException {
    return plan(docs, today, false);
  }

  /**
   * As {@link #plan(List, LocalDate)}; with {@code preview}, drafts and future documents are
   * visible too (the dev server's {@code --drafts}).
   */
  public List<Planned> plan(List<Document> docs, LocalDate today, boolean preview) throws ContentException {
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, Document> byUri = new HashMap<>();
    List<Planned> planned = new ArrayList<>();
    for (Document doc : docs.stream().sorted((a, b) -> a.path().compareTo(b.path())).toList()) {
      String uri = settings.uris().uri(doc.contentPath());
      // Keyed in lower case: About.md and about.md are one file on a case-insensitive disk.
      Document first = byUri.putIfAbsent(uri.toLowerCase(Locale.ROOT), doc);
      if (first != null) {
        String firstUri = settings.uris().uri(first.contentPath());
        problems.add(
            Diagnostic.error(
                doc.path(),
                0,
                0,
                "writes the same page as " + first.path() + " ("
                    + (firstUri.equals(uri) ? uri : uri + " and " + firstUri + " differ only in case") + ")",
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
      planned.add(new Planned(doc, uri, settings.uris().url(doc.contentPath()), preview || doc.isVisibleOn(today)));
    }
    if (!problems.isEmpty()) {
      throw new ContentException(problems);
    }
    return List.copyOf(planned);
  }

  /**
   * Renders every body (in parallel: each document is independent) into the catalog.
   *
   * @throws ContentException with every body that cannot be rendered
   */
  public Catalog render(List<Planned> plan) throws ContentException {
    return render(plan, null);
  }

  /**
   * Renders the bodies of {@code plan} into a catalog, reusing the rendered body of every document
   * of {@code previous} that is the same object in the plan (the dev server re-renders only what
   * was edited). Bodies depend on their own document only, so reuse gives the same catalog.
   *
   * @throws ContentException with every body that cannot be rendered
   */
  public Catalog render(List<Planned> plan, Catalog previous) throws ContentException {
    record Rendered(Entry entry, List<Diagnostic> problems) {}
    List<Rendered> rendered = plan.parallelStream()
        .map(p -> {
          Entry old = previous == null ? null : previous.entry(p.doc().path());
          try {
            Body body = old != null && old.doc() == p.doc() ? old.body() : renderer.render(p.doc());
            return new Rendered(new Entry(p.doc(), body, p.uri(), p.url(), p.visible()), List.of());
          } catch (ContentException e) {
            return new Rendered(null, e.diagnostics());
          }
        })
        .toList();
    List<Diagnostic> problems = new ArrayList<>();
    rendered.forEach(r -> problems.addAll(r.problems()));
    if (!problems.isEmpty()) {
      throw new ContentException(problems);
    }
    List<Entry> entries = rendered.stream().map(Rendered::entry).toList();
    String ext = settings.uris().outputExtension();
    return new Catalog(entries, settings.stepNames(), "/" + settings.tagPath() + "/", ext);
  }
}
