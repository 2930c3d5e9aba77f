package press.callback.site.jbake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbake.model.DocumentModel;
import org.jbake.template.model.TemplateModel;

/**
 * The crawl's documents as JBake's templates ask for them: every list ({@code published_posts},
 * {@code tags}, {@code tag_posts}, …) made once, in the order JBake's store queries return them.
 *
 * <p>Immutable after loading, so pages can be rendered on several threads.
 */
final class StoreSnapshot {
  private static final String PUBLISHED = "published";

  private final List<String> types;
  private final String dataType;
  private final Map<String, List<DocumentModel>> all = new LinkedHashMap<>();
  private final Map<String, List<DocumentModel>> published = new HashMap<>();
  private final Set<String> allTags;
  private final Map<String, DocumentModel> data = new HashMap<>();
  /** Published posts by tag, and published documents of every type by tag (type by type). */
  private final Map<String, List<DocumentModel>> postsByTag = new HashMap<>();
  private final Map<String, List<DocumentModel>> documentsByTag = new HashMap<>();

  private StoreSnapshot(List<String> types, String dataType, Set<String> allTags) {
    this.types = types;
    this.dataType = dataType;
    this.allTags = allTags;
  }

  /**
   * Lists every document of every registered type from the crawl ({@link ContentCrawl}, in crawl
   * order), as JBake's store would answer its queries: each type's documents newest first, those
   * of one date (or none: last) in reverse crawl order (content/b.md before content/a.md); without
   * what readers may not see ({@code hidden}) — drafts and scheduled documents of other engines
   * (AsciiDoc, say), which JBake would render.
   */
  static StoreSnapshot of(List<DocumentModel> crawled, List<String> types, String dataType,
      java.util.function.Predicate<DocumentModel> hidden) {
    Map<String, List<DocumentModel>> byType = new LinkedHashMap<>();
    types.forEach(t -> byType.put(t, new ArrayList<>()));
    for (DocumentModel d : crawled) {
      List<DocumentModel> docs = byType.get(d.getType());
      if (docs != null && (d.getType().equals(dataType) || !hidden.test(d))) {
        docs.add(d);
      }
    }
    // JBake's getAllTags: a HashSet filled type by type, each type's published documents as stored
    Set<String> tags = new java.util.HashSet<>();
    byType.forEach((type, docs) -> docs.stream().filter(d -> PUBLISHED.equals(d.getStatus()))
        .forEach(d -> Collections.addAll(tags, d.getTags())));
    StoreSnapshot s = new StoreSnapshot(types, dataType, Collections.unmodifiableSet(tags));
    byType.forEach((type, crawlOrder) -> {
      List<DocumentModel> docs = new ArrayList<>(crawlOrder);
      Collections.reverse(docs);
      docs.sort(NEWEST_FIRST); // stable: documents of one date in reverse crawl order, as JBake's store
      s.all.put(type, List.copyOf(docs));
      s.published.put(type, docs.stream().filter(d -> PUBLISHED.equals(d.getStatus())).toList());
      if (type.equals(dataType)) {
        docs.forEach(d -> s.data.put(d.getSourceuri(), d));
      }
    });
    s.indexTags();
    return s;
  }

  /**
   * Each tag's lists made in one pass over the documents (asked for each tag and tag page, a
   * filter of every post cost 100,000 posts a fifth of their rendering).
   */
  private void indexTags() {
    index(published("post"), postsByTag);
    types.forEach(t -> index(published(t), documentsByTag));
  }

  private static void index(List<DocumentModel> docs, Map<String, List<DocumentModel>> byTag) {
    for (DocumentModel d : docs) {
      for (String tag : new java.util.LinkedHashSet<>(tagsOf(d))) {
        byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(d);
      }
    }
  }

  /** {@code order by date desc}: the newest first, documents without a date last. */
  private static final java.util.Comparator<DocumentModel> NEWEST_FIRST =
      java.util.Comparator.comparing(DocumentModel::getDate, java.util.Comparator.nullsFirst(
          java.util.Comparator.<Date>naturalOrder())).reversed();

  /**
   * Adds the rendered body (and what comes from it) to every document our engine crawled: the
   * crawl ran before the bodies were ready. Called once, before any page is rendered.
   */
  void addBodies(java.util.function.Function<String, Map<String, Object>> bySource) {
    for (List<DocumentModel> docs : all.values()) {
      for (DocumentModel d : docs) {
        Object source = d.get("source");
        Map<String, Object> fields = source == null ? null : bySource.apply(source.toString());
        if (fields != null) {
          d.putAll(fields);
        }
      }
    }
  }

  /**
   * A snapshot with documents replaced, each by its {@code source} (the dev server's edits; the
   * replacements keep their places in the lists, so dates, types and tags must be unchanged).
   */
  StoreSnapshot replacing(Map<String, DocumentModel> bySource) {
    StoreSnapshot s = new StoreSnapshot(types, dataType, allTags);
    all.forEach((type, docs) -> {
      List<DocumentModel> replaced = docs.stream()
          .map(d -> bySource.getOrDefault(String.valueOf(d.get("source")), d))
          .toList();
      s.all.put(type, replaced);
      s.published.put(type, replaced.stream().filter(d -> PUBLISHED.equals(d.getStatus())).toList());
    });
    s.data.putAll(data);
    s.indexTags();
    return s;
  }

  /** The document of a source file ({@code content/…}), or {@code null}. */
  DocumentModel bySource(String source) {
    for (List<DocumentModel> docs : all.values()) {
      for (DocumentModel d : docs) {
        if (source.equals(d.get("source"))) {
          return d;
        }
      }
    }
    return null;
  }

  /** The document types, in JBake's registry order. */
  List<String> types() {
    return types;
  }

  /** Every document of a type, newest first (JBake's {@code getAllContent}). */
  List<DocumentModel> all(String type) {
    return all.getOrDefault(type, List.of());
  }

  /** Published documents of a type, newest first. */
  List<DocumentModel> published(String type) {
    return published.getOrDefault(type, List.of());
  }

  /** Published documents of every type, type by type (JBake's {@code published_content}). */
  List<DocumentModel> publishedContent() {
    List<DocumentModel> out = new ArrayList<>();
    types.forEach(t -> out.addAll(published(t)));
    return out;
  }

  /** Every document but data files (JBake's {@code all_content}). */
  List<DocumentModel> allContent() {
    List<DocumentModel> out = new ArrayList<>();
    types.stream().filter(t -> !t.equals(dataType)).forEach(t -> out.addAll(all(t)));
    return out;
  }

  /** Tags of published documents of every type. */
  Set<String> allTags() {
    return allTags;
  }

  /** Published posts carrying {@code tag}. */
  List<DocumentModel> postsTagged(String tag) {
    return Collections.unmodifiableList(postsByTag.getOrDefault(tag, List.of()));
  }

  /** Published documents of every type carrying {@code tag}, type by type. */
  List<DocumentModel> documentsTagged(String tag) {
    return Collections.unmodifiableList(documentsByTag.getOrDefault(tag, List.of()));
  }

  /** JBake's {@code tags}: one model per tag with its URI and documents. */
  List<TemplateModel> tags(String tagPath, String extension) {
    List<TemplateModel> out = new ArrayList<>();
    for (String tag : allTags) {
      TemplateModel t = new TemplateModel();
      t.setName(tag);
      t.setUri(tagPath + "/" + tag + extension);
      t.put("tagged_posts", postsTagged(tag));
      t.put("tagged_documents", documentsTagged(tag));
      out.add(t);
    }
    return out;
  }

  /** A data file by its path under {@code data/} (JBake's {@code data.get(ref)}). */
  Map<String, Object> data(String ref) {
    DocumentModel d = data.get(ref);
    return d == null ? Map.of() : d;
  }

  /** A document's tags (String[] from our engine, a list from others'). */
  private static List<String> tagsOf(DocumentModel d) {
    Object tags = d.get("tags");
    if (tags instanceof String[] a) {
      return Arrays.asList(a);
    }
    List<String> out = new ArrayList<>();
    if (tags instanceof java.util.Collection<?> c) {
      c.forEach(t -> {
        if (t instanceof String s) {
          out.add(s);
        }
      });
    }
    return out;
  }
}
