package press.callback.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything one bake knows about the site's content, with the lists templates show. Lists hold
 * only what readers may see on the build date; {@link #all()} also holds drafts and future
 * documents (the newsletter previews them).
 *
 * <p>Immutable and thread-safe.
 */
public final class Catalog {
  /** Newest first, then by path, so that equal dates still have one order. */
  static final Comparator<Entry> NEWEST_FIRST =
      Comparator.comparing(Entry::date, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(Entry::path);

  /**
   * Templates within a playbook step: by {@code order:} (the sequence they are used in), then
   * title, then path.
   */
  public static final Comparator<Entry> IN_STEP =
      Comparator.comparingInt((Entry e) -> e.doc().order())
          .thenComparing(Entry::title)
          .thenComparing(Entry::path);

  /** A step of the playbook and the snippets that serve it. */
  public record Step(int number, String name, String anchor, List<Entry> snippets) {}

  /** A tag and what carries it, newest first. */
  public record Tag(String name, String url, List<Entry> entries) {
    /** How many documents carry the tag. */
    public int count() {
      return entries.size();
    }
  }

  /** A year of the archive. */
  public record Year(int year, List<Entry> articles) {}

  private final List<Entry> all;
  private final List<Entry> visible;
  private final Map<String, Entry> byPath = new HashMap<>();
  private final Map<String, List<Entry>> visibleByType = new HashMap<>();
  private final Map<String, Tag> tags = new LinkedHashMap<>();
  private final List<Step> steps = new ArrayList<>();
  private final String tagUrlPrefix;
  private final String tagUrlSuffix;

  Catalog(List<Entry> entries, List<String> stepNames, String tagUrlPrefix, String tagUrlSuffix) {
    this.tagUrlPrefix = tagUrlPrefix;
    this.tagUrlSuffix = tagUrlSuffix;
    this.all = entries.stream().sorted(Comparator.comparing(Entry::path)).toList();
    this.visible = all.stream().filter(Entry::visible).toList();
    for (Entry e : all) {
      byPath.put(e.path(), e);
    }
    for (Entry e : visible.stream().sorted(NEWEST_FIRST).toList()) {
      visibleByType.computeIfAbsent(e.type(), t -> new ArrayList<>()).add(e);
    }
    visibleByType.replaceAll((t, list) -> List.copyOf(list));
    indexTags();
    for (int i = 0; i < stepNames.size(); i++) {
      int number = i + 1;
      List<Entry> snippets =
          ofType(ContentTypes.SNIPPET).stream()
              .filter(s -> s.doc().fields() instanceof Fields.Snippet f && Objects.equals(f.step(), number))
              .sorted(IN_STEP)
              .toList();
      steps.add(new Step(number, stepNames.get(i), "step-" + number, snippets));
    }
  }

  private void indexTags() {
    Map<String, List<Entry>> grouped = new TreeMap<>();
    for (Entry e : visible.stream().sorted(NEWEST_FIRST).toList()) {
      for (String tag : e.tags()) {
        grouped.computeIfAbsent(tag, t -> new ArrayList<>()).add(e);
      }
    }
    grouped.forEach(
        (name, list) ->
            tags.put(name, new Tag(name, tagUrlPrefix + name + tagUrlSuffix, List.copyOf(list))));
  }

  /** Every document, visible or not, by path. */
  public List<Entry> all() {
    return all;
  }

  /** Every document readers may see, by path. */
  public List<Entry> entries() {
    return visible;
  }

  /** The document of a source path (relative to the project), visible or not, or {@code null}. */
  public Entry entry(String path) {
    return byPath.get(path);
  }

  /** Visible documents of a type, newest first. */
  public List<Entry> ofType(String type) {
    return visibleByType.getOrDefault(type, List.of());
  }

  /** Visible articles, newest first. */
  public List<Entry> articles() {
    return ofType(ContentTypes.POST);
  }

  /** The newest {@code n} articles. */
  public List<Entry> latest(int n) {
    List<Entry> articles = articles();
    return articles.subList(0, Math.min(n, articles.size()));
  }

  /** Visible snippets, by playbook step, then as ordered within it ({@link #IN_STEP}). */
  public List<Entry> snippets() {
    return steps.stream().flatMap(s -> s.snippets().stream()).toList();
  }

  /** Visible tips, newest first. */
  public List<Entry> tips() {
    return ofType(ContentTypes.TIP);
  }

  /** The playbook's steps, each with its snippets. */
  public List<Step> steps() {
    return List.copyOf(steps);
  }

  /** Tags of visible documents, by name. */
  public List<Tag> tags() {
    return List.copyOf(tags.values());
  }

  /** One tag, or {@code null}. */
  public Tag tag(String name) {
    return tags.get(name);
  }

  /** The URL of a tag's page. */
  public String tagUrl(String name) {
    return tagUrlPrefix + name + tagUrlSuffix;
  }

  /** Visible articles by year, newest year first. */
  public List<Year> years() {
    Map<Integer, List<Entry>> byYear = new TreeMap<>(Comparator.reverseOrder());
    for (Entry e : articles()) {
      byYear.computeIfAbsent(e.date().getYear(), y -> new ArrayList<>()).add(e);
    }
    List<Year> years = new ArrayList<>();
    byYear.forEach((y, list) -> years.add(new Year(y, List.copyOf(list))));
    return years;
  }

  /** The next older visible document of the same type, or {@code null}. */
  public Entry older(Entry e) {
    return neighbour(e, +1);
  }

  /** The next newer visible document of the same type, or {@code null}. */
  public Entry newer(Entry e) {
    return neighbour(e, -1);
  }

  private Entry neighbour(Entry e, int step) {
    List<Entry> list = ofType(e.type());
    int i = list.indexOf(e);
    int j = i + step;
    return i < 0 || j < 0 || j >= list.size() ? null : list.get(j);
  }

  /**
   * Up to {@code max} visible snippets sharing a tag with {@code e}: most shared tags first, then
   * newest.
   */
  public List<Entry> relatedSnippets(Entry e, int max) {
    record Scored(Entry entry, long shared) {}
    return ofType(ContentTypes.SNIPPET).stream()
        .filter(s -> !s.equals(e))
        .map(s -> new Scored(s, s.tags().stream().filter(e.tags()::contains).count()))
        .filter(s -> s.shared() > 0)
        .sorted(
            Comparator.comparingLong(Scored::shared)
                .reversed()
                .thenComparing(Scored::entry, NEWEST_FIRST))
        .limit(max)
        .map(Scored::entry)
        .toList();
  }

  /** The date of the newest visible article, or {@code null} if there is none. */
  public LocalDate lastUpdated() {
    return articles().isEmpty() ? null : articles().get(0).date();
  }
}
