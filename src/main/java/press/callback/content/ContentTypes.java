package press.callback.content;

import java.util.List;

/**
 * The content types of a Callback Press site and the folder each comes from.
 *
 * <p>These are JBake document types: {@code template.<type>.file} in {@code jbake.properties}
 * names the template of each.
 */
public final class ContentTypes {
  /** Articles, from {@code content/articles/**}. */
  public static final String POST = "post";
  /** Pages: everything not in a typed folder. */
  public static final String PAGE = "page";
  /** Copy-ready email templates, from {@code content/snippets/}. */
  public static final String SNIPPET = "snippet";
  /** One short tip each, from {@code content/tips/}. */
  public static final String TIP = "tip";
  /** Newsletter issues, from {@code content/newsletter/}. */
  public static final String ISSUE = "issue";

  /** Types that must have a date. */
  public static final List<String> DATED = List.of(POST, SNIPPET, TIP, ISSUE);

  private ContentTypes() {}

  /**
   * The type implied by a file's folder.
   *
   * @param contentPath the path inside {@code content/}, with {@code /} separators
   */
  public static String forPath(String contentPath) {
    String first = contentPath.contains("/") ? contentPath.substring(0, contentPath.indexOf('/')) : "";
    return switch (first) {
      case "articles" -> POST;
      case "snippets" -> SNIPPET;
      case "tips" -> TIP;
      case "newsletter" -> ISSUE;
      default -> PAGE;
    };
  }
}
