package press.callback.content;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A document's rendered body and what is derived from it.
 *
 * <p>The text without markup (and so the word count and search terms) is worked out when first
 * asked, as Hugo does for {@code .WordCount} and {@code .Plain}: a site whose templates show
 * neither does not pay for it on every document of every bake.
 */
public final class Body {
  private final String html;
  private final String firstParagraph;
  private final Email email;
  private final String notesHtml;
  private Supplier<String> textSource;
  private volatile String text;
  private volatile int words = -1;

  /**
   * @param html the body as HTML
   * @param firstParagraph the text of the first paragraph, the summary when none is written
   * @param email for snippets, the email itself (before the first {@code ##} heading); otherwise
   *     {@code null}
   * @param notesHtml for snippets, the HTML after the email ("why it works"); otherwise empty
   * @param text the text without markup, worked out when first asked (called at most once)
   */
  public Body(String html, String firstParagraph, Email email, String notesHtml, Supplier<String> text) {
    this.html = Objects.requireNonNull(html);
    this.firstParagraph = Objects.requireNonNull(firstParagraph);
    this.email = email;
    this.notesHtml = Objects.requireNonNull(notesHtml);
    this.textSource = Objects.requireNonNull(text);
  }

  /** The body as HTML. */
  public String html() {
    return html;
  }

  /** The text of the first paragraph, the summary when none is written. */
  public String firstParagraph() {
    return firstParagraph;
  }

  /** For snippets, the email itself; otherwise {@code null}. */
  public Email email() {
    return email;
  }

  /** For snippets, the HTML after the email; otherwise empty. */
  public String notesHtml() {
    return notesHtml;
  }

  /** The text without markup, for word counts and the site's search index ({@link #terms}). */
  public String text() {
    String t = text;
    if (t == null) {
      synchronized (this) {
        t = text;
        if (t == null) {
          t = textSource.get();
          text = t;
          textSource = null;
        }
      }
    }
    return t;
  }

  /** The number of words of text. */
  public int words() {
    int w = words;
    if (w < 0) {
      w = MarkdownRenderer.countWords(text());
      words = w;
    }
    return w;
  }

  /** The distinct {@link SearchTerms} of the text, for the site's search index. */
  public List<String> terms() {
    return SearchTerms.of(text());
  }

  /**
   * A snippet's email.
   *
   * @param html the email as HTML, line breaks kept
   * @param text the email as plain text, ready to paste into an email client
   */
  public record Email(String html, String text) {}

  /** Minutes to read at 230 words a minute, at least 1. */
  public int readingMinutes() {
    return Math.max(1, (int) Math.ceil(words() / 230.0));
  }
}
