package press.callback.content;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated content file: its header fields checked and typed, its body still Markdown.
 *
 * @param path the file relative to the project ({@code content/articles/2026/x.md})
 * @param contentPath the file relative to {@code content/} ({@code articles/2026/x.md})
 * @param fields the fields of its type, typed: one record per type ({@link Fields})
 * @param title the title, never blank
 * @param date the date, or {@code null} for an undated page
 * @param status published, draft or published-date
 * @param tags the tags, sanitized, in the order written
 * @param summary the summary as written, or {@code null} (then the first paragraph is used)
 * @param body the Markdown (or HTML) after the front matter
 * @param bodyLine the 1-based line where the body starts
 * @param markdown whether the body is Markdown (otherwise HTML, passed through)
 * @param positions where each front matter value was written, for diagnostics
 */
public record Document(
    String path,
    String contentPath,
    Fields fields,
    String title,
    LocalDate date,
    Status status,
    List<String> tags,
    String summary,
    String body,
    int bodyLine,
    boolean markdown,
    Map<String, Position> positions) {

  public Document {
    tags = List.copyOf(tags);
    positions = Map.copyOf(positions);
  }

  /** The JBake document type ({@link ContentTypes}), which names the template: its fields' type. */
  public String type() {
    return fields.type();
  }

  /** Where the value of a front matter key was written, or the file's first line. */
  public Position at(String key) {
    return positions.getOrDefault(key, Position.line(1));
  }

  /**
   * A text field of the type's front matter by its key ({@code subject}, {@code use_when}), if
   * set: for templates, which name fields as written. Code uses {@link #fields()}.
   */
  public Optional<String> text(String key) {
    return Optional.ofNullable(fields.asMap().get(key)).map(String.class::cast);
  }

  /**
   * Whether the page asks to stay out of search engines, the sitemap and the site's search
   * ({@code noindex: true}): a page readers reach from a link, such as "check your inbox".
   */
  public boolean noindex() {
    return fields instanceof Fields.Page p && p.hidden();
  }

  /** Whether this is a snippet of kind {@code greeting}: words to record, not an email to send. */
  public boolean isGreeting() {
    return fields instanceof Fields.Snippet s && s.greeting();
  }

  /**
   * A snippet's place within its playbook step ({@code order:}), or {@link Integer#MAX_VALUE} when
   * not set, so that templates without one come after those with one.
   */
  public int order() {
    return fields instanceof Fields.Snippet s && s.order() != null ? s.order() : Integer.MAX_VALUE;
  }

  /** The file name without folder and extension: how issues name their tip and snippet. */
  public String slug() {
    String name = contentPath.substring(contentPath.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /**
   * Whether readers may see this document on the given build date: not a draft, and not dated
   * after {@code today}.
   */
  public boolean isVisibleOn(LocalDate today) {
    if (status == Status.DRAFT) {
      return false;
    }
    return date == null || !date.isAfter(today);
  }
}
