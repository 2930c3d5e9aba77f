package press.callback.site.jbake;

import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleCollection;
import freemarker.template.SimpleDate;
import freemarker.template.SimpleHash;
import freemarker.template.SimpleSequence;
import freemarker.template.TemplateDateModel;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModelException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jbake.model.DocumentModel;
import org.jbake.model.DocumentTypeUtils;
import org.jbake.template.model.TemplateModel;

/**
 * The data model JBake's templates know — {@code content}, {@code config}, {@code
 * published_posts}, {@code tags}, {@code tag_posts}, {@code data}… — served from a {@link
 * StoreSnapshot} instead of JBake's lazy model, which queries the store on every access and
 * signals "not a list" by throwing an exception. The lists are the same, in the same order.
 */
final class SnapshotModel implements TemplateHashModel {
  /** The lists every bake offers, by their JBake names. */
  static Map<String, Function<SnapshotModel, Object>> lists(StoreSnapshot s, String tagPath, String extension) {
    Map<String, Function<SnapshotModel, Object>> lists = new HashMap<>();
    List<Object> tags = List.copyOf(s.tags(tagPath, extension));
    lists.put("published_posts", m -> m.page(s.published("post")));
    lists.put("published_pages", m -> s.published("page"));
    lists.put("published_content", m -> s.publishedContent());
    lists.put("all_content", m -> s.allContent());
    lists.put("tags", m -> tags);
    lists.put("tag_posts", m -> s.postsTagged(m.tag()));
    lists.put("tagged_documents", m -> s.documentsTagged(m.tag()));
    for (String type : s.types()) {
      String plural = DocumentTypeUtils.pluralize(type);
      lists.putIfAbsent(plural, m -> s.all(type));
      lists.putIfAbsent("published_" + plural, m -> s.published(type));
    }
    return Map.copyOf(lists);
  }

  private final TemplateModel model;
  private final SimpleHash eager;
  private final ObjectWrapper wrapper;
  private final StoreSnapshot snapshot;
  private final Map<String, Function<SnapshotModel, Object>> lists;
  private final int postsPerPage;

  SnapshotModel(
      TemplateModel model,
      ObjectWrapper wrapper,
      StoreSnapshot snapshot,
      Map<String, Function<SnapshotModel, Object>> lists,
      int postsPerPage) {
    this.model = model;
    this.eager = new SimpleHash(model, wrapper);
    this.wrapper = wrapper;
    this.snapshot = snapshot;
    this.lists = lists;
    this.postsPerPage = postsPerPage;
  }

  @Override
  public freemarker.template.TemplateModel get(String key) throws TemplateModelException {
    switch (key) {
      case "alltags":
        return new SimpleCollection(snapshot.allTags(), wrapper);
      case "published_date":
        return new SimpleDate(new Date(), TemplateDateModel.UNKNOWN);
      case "data":
        return wrapper.wrap(new Data(snapshot));
      default:
        Function<SnapshotModel, Object> list = lists.get(key);
        if (list != null) {
          Object value = list.apply(this);
          return value instanceof List<?> l ? new SimpleSequence(l, wrapper) : wrapper.wrap(value);
        }
        return eager.get(key);
    }
  }

  @Override
  public boolean isEmpty() {
    return false;
  }

  private String tag() {
    return model.getTag();
  }

  /** On a page of the paginated index, only that page's posts (as JBake's paged query). */
  private List<DocumentModel> page(List<DocumentModel> posts) {
    DocumentModel content = model.getContent();
    Object page = model.get("currentPageNumber");
    if (content == null || !"masterindex".equals(content.getType()) || !(page instanceof Integer p) || p < 1
        || postsPerPage < 1) {
      return posts;
    }
    int from = Math.min(posts.size(), (p - 1) * postsPerPage);
    return posts.subList(from, Math.min(posts.size(), from + postsPerPage));
  }

  /** {@code data.get('file.yaml')}, as JBake's DataFileUtil. */
  public static final class Data {
    private final StoreSnapshot snapshot;

    Data(StoreSnapshot snapshot) {
      this.snapshot = snapshot;
    }

    public Map<String, Object> get(String ref) {
      return snapshot.data(ref);
    }
  }
}
