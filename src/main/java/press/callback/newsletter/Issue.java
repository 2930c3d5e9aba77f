package press.callback.newsletter;

import java.time.LocalDate;
import java.util.List;
import press.callback.content.Entry;

/**
 * One newsletter issue, assembled: the editor's note and what goes with it.
 *
 * @param entry the issue's own file ({@code content/newsletter/2026-11-30.md})
 * @param subject the email's subject
 * @param preheader the line inboxes show after the subject
 * @param since articles are those dated after this day, up to {@link #date()}
 * @param articles the articles of the week, newest first
 * @param tip the tip of the week, or {@code null}
 * @param snippet the template of the week, or {@code null}
 */
public record Issue(
    Entry entry,
    String subject,
    String preheader,
    LocalDate since,
    List<Entry> articles,
    Entry tip,
    Entry snippet) {

  public Issue {
    articles = List.copyOf(articles);
  }

  /** The send date. */
  public LocalDate date() {
    return entry.date();
  }

  /** {@code 2026-11-30}: the folder of its email and the name of its file. */
  public String id() {
    return entry.doc().slug();
  }

  /** The issue's page in the web archive, root-relative ({@code /newsletter/2026-11-30/}). */
  public String url() {
    return entry.url();
  }

  public String title() {
    return entry.title();
  }

  /** The editor's note as HTML. */
  public String noteHtml() {
    return entry.body().html();
  }
}
