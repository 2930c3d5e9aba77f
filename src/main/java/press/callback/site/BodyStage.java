package press.callback.site;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import press.callback.content.Catalog;
import press.callback.content.CatalogBuilder;
import press.callback.diag.ContentException;

/**
 * The body stage: the planned documents' Markdown rendered into the catalog — every document in
 * a bake, on all cores (beside the crawl, which takes a small share of one); in the dev server
 * the edited ones, the others kept.
 */
final class BodyStage {
  private final CatalogBuilder builder;

  BodyStage(CatalogBuilder builder) {
    this.builder = builder;
  }

  /** Every document of the plan, rendered beside the crawl. */
  Catalog all(List<CatalogBuilder.Planned> plan) throws ContentException {
    int threads = Runtime.getRuntime().availableProcessors();
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      // A parallel stream started on a pool's thread runs on that pool. The content problems
      // come back as a value: a checked exception would come out of the pool wrapped.
      record Outcome(Catalog catalog, ContentException problems) {}
      Outcome outcome = pool.submit(() -> {
        try {
          return new Outcome(builder.render(plan), null);
        } catch (ContentException e) {
          return new Outcome(null, e);
        }
      }).join();
      if (outcome.problems() != null) {
        throw outcome.problems();
      }
      return outcome.catalog();
    } finally {
      pool.shutdown();
    }
  }

  /** The documents of the plan that differ from {@code before}'s, rendered again; the rest kept. */
  Catalog edited(List<CatalogBuilder.Planned> plan, Catalog before) throws ContentException {
    return builder.render(plan, before);
  }
}
