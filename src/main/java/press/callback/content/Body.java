package press.callback.content;

import java.util.List;

/**
 * A document's rendered body and what is derived from it.
 *
 * @param html the body as HTML
 * @param firstParagraph the text of the first paragraph, the summary when none is written
 * @param words the number of words of text
 * @param email for snippets, the email itself (before the first {@code ##} heading); otherwise
 *     {@code null}
 * @param notesHtml for snippets, the HTML after the email ("why it works"); otherwise empty
 * @param text the text without markup, for the site's search index ({@link #terms})
 */
public record Body(String html, String firstParagraph, int words, Email email, String notesHtml, String text) {

  /**
   * The distinct {@link SearchTerms} of the text, for the site's search index. Worked out when
   * asked (only the search index asks), not for every bake of every document.
   */
  public List<String> terms() {
    return SearchTerms.of(text);
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
    return Math.max(1, (int) Math.ceil(words / 230.0));
  }
}
