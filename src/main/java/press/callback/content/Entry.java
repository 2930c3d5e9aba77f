package press.callback.content;

import java.time.LocalDate;
import java.util.List;

/**
 * A document as the site shows it: the validated document, its rendered body and its address.
 *
 * @param doc the validated source
 * @param body the rendered body
 * @param uri the output file, relative to the site root ({@code about/index.html})
 * @param url the root-relative URL ({@code /about/})
 * @param visible whether readers may see it on the build date
 */
public record Entry(Document doc, Body body, String uri, String url, boolean visible) {

  public String title() {
    return doc.title();
  }

  public String type() {
    return doc.type();
  }

  public LocalDate date() {
    return doc.date();
  }

  public List<String> tags() {
    return doc.tags();
  }

  /** The written summary, or else the first paragraph. */
  public String summary() {
    return doc.summary() != null ? doc.summary() : body.firstParagraph();
  }

  /**
   * The reply-readiness of an email template (its subject and email), or {@code null} for
   * anything else (a greeting too: nobody replies to one).
   */
  public ReplyScore replyScore() {
    if (body.email() == null || !(doc.fields() instanceof Fields.Snippet s) || s.greeting()) {
      return null;
    }
    return ReplyScore.of(s.subject() == null ? "" : s.subject(), body.email().text());
  }

  /** The source file relative to the project. */
  public String path() {
    return doc.path();
  }
}
