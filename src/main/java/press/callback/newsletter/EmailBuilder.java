package press.callback.newsletter;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import press.callback.content.ListEmail;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;
import press.callback.mail.Envelope;
import press.callback.mail.MimeWriter;

/**
 * Turns an {@link Issue} into its {@link Email}: renders {@code email/issue.ftl}, inlines {@code
 * email.css}, makes links absolute, sizes images, adds the preheader, writes the text part and
 * the MIME message — and refuses to ship an email that breaks the {@link EmailLint} rules.
 */
public final class EmailBuilder {
  /** The email's template, relative to the templates folder. */
  public static final String TEMPLATE = "email/issue.ftl";
  /** The list emails' template (confirm, already, welcome), relative to the templates folder. */
  public static final String LIST_TEMPLATE = "email/list.ftl";

  private final EmailSettings settings;
  private final String css;
  private final TemplateRenderer renderer;
  private final Function<String, OptionalInt> imageWidths;

  /**
   * @param css the email's stylesheet (checked with {@link CssInliner#check})
   * @param imageWidths the pixel width of an image by absolute URL, if known
   */
  public EmailBuilder(
      EmailSettings settings, String css, TemplateRenderer renderer, Function<String, OptionalInt> imageWidths) {
    this.settings = settings;
    this.css = css;
    this.renderer = renderer;
    this.imageWidths = imageWidths;
  }

  /**
   * What email templates see besides {@code issue} (or {@code list}): the links every issue needs;
   * a list email has no browser page and no unsubscribe link ({@code null}).
   */
  public record Links(String browserUrl, String unsubscribeUrl, String postalAddress, String greetingName) {}

  public Email build(Issue issue) throws ContentException {
    Links links = new Links(
        settings.abs(issue.url()), settings.unsubscribeUrl(), settings.postalAddress(), EmailSettings.NAME_PLACEHOLDER);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("issue", issue);
    model.put("email", links);
    EmailLint.Required required = new EmailLint.Required(links.unsubscribeUrl(), links.postalAddress(), links.browserUrl());
    Parts parts = parts(TEMPLATE, model, links.browserUrl(), issue.preheader(), required, issue.entry().path());
    ZonedDateTime date = issue.date().atTime(settings.sendTime()).atZone(settings.zone());
    String id = issue.id() + "." + MimeWriter.contentId(issue.subject(), parts.text(), parts.html()) + "@" + hostName();
    Envelope envelope = new Envelope(
        settings.from(), settings.replyTo(), issue.subject(), date, id,
        settings.name() + " <" + settings.listId() + ">",
        settings.unsubscribeUrl(), settings.unsubscribeMailto());
    return new Email(issue, parts.html(), parts.text(), eml(envelope, parts));
  }

  /**
   * Builds one of the list service's emails through the same template engine, inliner, text part
   * and gate as an issue, but transactional: no list headers, no unsubscribe link (the reader has
   * not subscribed, or has just done so), its {@code {{…}}} links left for the service to fill.
   *
   * @param day the build date: its Date header at the send time (the service sets its own)
   */
  public ListEmailMessage build(ListEmail email, LocalDate day) throws ContentException {
    String home = settings.abs("/");
    Links links = new Links(null, null, settings.postalAddress(), EmailSettings.NAME_PLACEHOLDER);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("list", email);
    model.put("email", links);
    EmailLint.Required required = EmailLint.Required.transactional(
        settings.postalAddress(), new java.util.HashSet<>(email.kind().allowed()));
    Parts parts = parts(LIST_TEMPLATE, model, home, email.preheader(), required, email.path());
    ZonedDateTime date = day.atTime(settings.sendTime()).atZone(settings.zone());
    String id = "list-" + email.name() + "." + MimeWriter.contentId(email.subject(), parts.text(), parts.html())
        + "@" + hostName();
    Envelope envelope = Envelope.transactional(settings.from(), settings.replyTo(), email.subject(), date, id);
    return new ListEmailMessage(email, parts.html(), parts.text(), eml(envelope, parts));
  }

  /** The two parts of an email: the HTML as sent and its text. */
  private record Parts(String html, String text) {}

  /**
   * The stages every email goes through: template, stylesheet inlined, links absolute on {@code
   * base}, images sized, preheader, text part, and the gate (its problems at {@code path}).
   */
  private Parts parts(String template, Map<String, Object> model, String base, String preheader,
      EmailLint.Required required, String path) throws ContentException {
    String rendered = renderer.render(template, model);
    Document doc = Jsoup.parse(rendered, base);
    doc.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
    doc.head().prependElement("style").appendChild(new org.jsoup.nodes.DataNode(css));
    CssInliner.inline(doc);
    EmailLinks.absolutize(doc, base);
    EmailLinks.sizeImages(doc, imageWidths);
    Preheader.insert(doc, preheader);
    String html = doc.outerHtml();
    String text = PlainTextRenderer.render(doc);

    List<Diagnostic> problems = new ArrayList<>();
    for (EmailLint.Violation v : EmailLint.check(html, Jsoup.parse(html), text, required)) {
      problems.add(Diagnostic.error(path, 0, 0,
          "email breaks rule '" + v.rule() + "': " + v.detail(), v.hint()));
    }
    if (!problems.isEmpty()) {
      throw new ContentException(problems);
    }
    return new Parts(html, text);
  }

  private static byte[] eml(Envelope envelope, Parts parts) throws ContentException {
    try {
      return MimeWriter.write(envelope, parts.text(), parts.html());
    } catch (IllegalArgumentException e) {
      throw new ContentException(Diagnostic.error("jbake.properties", 0, 0, e.getMessage(),
          "write addresses as Name <name@example.org>"));
    }
  }

  private String hostName() {
    String h = settings.host().replaceFirst("^[a-z]+://", "");
    int slash = h.indexOf('/');
    return slash < 0 ? h : h.substring(0, slash);
  }
}
