package press.callback.newsletter;

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

  /** What email templates see besides {@code issue}: the links every issue needs. */
  public record Links(String browserUrl, String unsubscribeUrl, String postalAddress, String greetingName) {}

  public Email build(Issue issue) throws ContentException {
    Links links = new Links(
        settings.abs(issue.url()), settings.unsubscribeUrl(), settings.postalAddress(), EmailSettings.NAME_PLACEHOLDER);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("issue", issue);
    model.put("email", links);
    String rendered = renderer.render(TEMPLATE, model);

    Document doc = Jsoup.parse(rendered, links.browserUrl());
    doc.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
    doc.head().prependElement("style").appendChild(new org.jsoup.nodes.DataNode(css));
    CssInliner.inline(doc);
    EmailLinks.absolutize(doc, links.browserUrl());
    EmailLinks.sizeImages(doc, imageWidths);
    Preheader.insert(doc, issue.preheader());
    String html = doc.outerHtml();
    String text = PlainTextRenderer.render(doc);

    List<Diagnostic> problems = new ArrayList<>();
    EmailLint.Required required = new EmailLint.Required(links.unsubscribeUrl(), links.postalAddress(), links.browserUrl());
    for (EmailLint.Violation v : EmailLint.check(html, Jsoup.parse(html), text, required)) {
      problems.add(Diagnostic.error(issue.entry().path(), 0, 0,
          "email breaks rule '" + v.rule() + "': " + v.detail(), v.hint()));
    }
    if (!problems.isEmpty()) {
      throw new ContentException(problems);
    }
    ZonedDateTime date = issue.date().atTime(settings.sendTime()).atZone(settings.zone());
    String id = issue.id() + "." + MimeWriter.contentId(issue.subject(), text, html) + "@" + hostName();
    Envelope envelope = new Envelope(
        settings.from(), settings.replyTo(), issue.subject(), date, id,
        settings.name() + " <" + settings.listId() + ">",
        settings.unsubscribeUrl(), settings.unsubscribeMailto());
    byte[] eml;
    try {
      eml = MimeWriter.write(envelope, text, html);
    } catch (IllegalArgumentException e) {
      throw new ContentException(Diagnostic.error("jbake.properties", 0, 0, e.getMessage(),
          "write addresses as Name <name@example.org>"));
    }
    return new Email(issue, html, text, eml);
  }

  private String hostName() {
    String h = settings.host().replaceFirst("^[a-z]+://", "");
    int slash = h.indexOf('/');
    return slash < 0 ? h : h.substring(0, slash);
  }
}
