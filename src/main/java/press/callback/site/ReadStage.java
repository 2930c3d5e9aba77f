package press.callback.site;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import press.callback.content.Catalog;
import press.callback.content.CatalogBuilder;
import press.callback.content.Document;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;
import press.callback.diag.Diagnostics;
import press.callback.site.jbake.SiteProject;

/**
 * The read stage: the content files read and checked, and the plan of where each published one
 * goes — every file in a bake; in the dev server, the edited files against the last bake's plan.
 */
final class ReadStage {
  /** What was read: the documents and where each one goes. */
  record Read(List<Document> docs, List<CatalogBuilder.Planned> plan) {}

  /** What reading edited files came to. */
  sealed interface Edited {
    /**
     * The documents that changed, by path (none if nothing changed or the files have errors), and
     * every document and the plan with them.
     */
    record Changed(Map<String, Document> docs, Read read) implements Edited {}

    /** An edit changes what cannot be changed alone (type, date, status, tags): bake everything. */
    record NeedsFullBake() implements Edited {}
  }

  private final SiteProject project;
  private final CatalogBuilder builder;

  ReadStage(SiteProject project, CatalogBuilder builder) {
    this.project = project;
    this.builder = builder;
  }

  /**
   * Every content file, and the plan; the files' own problems go to {@code diagnostics}.
   *
   * @throws ContentException if nothing can be planned: a source folder leads out of the project
   *     or loops (nothing is read through it), or the plan itself fails (two pages at one address)
   */
  Read all(LocalDate today, boolean preview, Diagnostics diagnostics) throws ContentException {
    List<Diagnostic> links = SourceLinks.check(project.source(), project.sourceFolders());
    if (!links.isEmpty()) {
      throw new ContentException(links);
    }
    List<Document> docs = new ContentLoader(project).load(diagnostics);
    return new Read(docs, builder.plan(docs, today, preview));
  }

  /** The edited files (all of them documents of {@code catalog}) read again, against {@code before}. */
  Edited edited(Collection<Path> files, Read before, Catalog catalog, Diagnostics diagnostics) {
    ContentLoader loader = new ContentLoader(project);
    Map<String, Document> docs = new LinkedHashMap<>();
    for (Path file : files) {
      try {
        Document doc = loader.load(file);
        Document old = catalog.entry(doc.path()).doc();
        if (!Objects.equals(doc.type(), old.type()) || !Objects.equals(doc.date(), old.date())
            || doc.status() != old.status() || !doc.tags().equals(old.tags())) {
          return new Edited.NeedsFullBake();
        }
        if (!doc.equals(old)) {
          docs.put(doc.path(), doc);
        }
      } catch (ContentException e) {
        diagnostics.addAll(e.diagnostics());
      }
    }
    if (diagnostics.hasErrors() || docs.isEmpty()) {
      return new Edited.Changed(Map.of(), before);
    }
    List<Document> allDocs = before.docs().stream().map(d -> docs.getOrDefault(d.path(), d)).toList();
    List<CatalogBuilder.Planned> plan = before.plan().stream()
        .map(p -> docs.containsKey(p.doc().path())
            ? new CatalogBuilder.Planned(docs.get(p.doc().path()), p.uri(), p.url(), p.visible())
            : p)
        .toList();
    return new Edited.Changed(docs, new Read(allDocs, plan));
  }
}
