package press.callback.newsletter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import press.callback.content.Catalog;
import press.callback.content.ListEmail;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;

/**
 * Turns an {@link Issue} (or a list email) into its {@link Email}: renders {@code
 * email/issue.ftl}, inlines {@code email.css}, makes links absolute, sizes images, adds the
 * preheader, writes the text part and the headers — and refuses an email that breaks the {@link
 * EmailLint} rules. The MIME message is written from the result at the edge.
 */
public final class EmailBuilder {
  /** The email's template, relative to the templates folder. */
  public static final String TEMPLATE = "email/issue.ftl";
  /** The list emails' template (confirm, already, welcome), relative to the templates folder. */
  public static final String LIST_TEMPLATE = "email/list.ftl";

  private final EmailSettings settings;
  private final String css;
  private final EmailTemplates templates;
  private final Catalog catalog;
  private final Function<String, OptionalInt> imageWidths;

  /**
   * @param css the email's stylesheet (checked with {@link CssInliner#check})
   * @param catalog what the site publishes: templates see it as {@code site}, as page templates do
   * @param imageWidths the pixel width of an image by absolute URL, if known
   */
  public EmailBuilder(EmailSettings settings, String css, EmailTemplates templates, Catalog catalog,
      Function<String, OptionalInt> imageWidths) {
    this.settings = settings;
    this.css = css;
    this.templates = templates;
    this.catalog = catalog;
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
    model.put("site", catalog);
    EmailLint.Required required = new EmailLint.Required(links.unsubscribeUrl(), links.postalAddress(), links.browserUrl());
    String path = issue.entry().path();
    Parts parts = parts(TEMPLATE, model, path, links.browserUrl(), issue.preheader(), required, path);
    ZonedDateTime date = issue.date().atTime(settings.sendTime()).atZone(settings.zone());
    Email.Headers headers = new Email.Headers(
        settings.from(), settings.replyTo(), issue.subject(), date, messageId(issue.id(), issue.subject(), parts),
        settings.name() + " <" + settings.listId() + ">",
        settings.unsubscribeUrl(), settings.unsubscribeMailto());
    return new Email(parts.html(), parts.text(), headers);
  }

  /**
   * Builds one of the list service's emails through the same templates, inliner, text part and
   * gate as an issue, but transactional: no list headers, no unsubscribe link (the reader has not
   * subscribed, or has just done so), its {@code {{…}}} links left for the service to fill.
   *
   * @param day the build date: its Date header at the send time (the service sets its own)
   */
  public Email build(ListEmail email, LocalDate day) throws ContentException {
    String home = settings.abs("/");
    Links links = new Links(null, null, settings.postalAddress(), EmailSettings.NAME_PLACEHOLDER);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("list", email);
    model.put("email", links);
    model.put("site", catalog);
    EmailLint.Required required = EmailLint.Required.transactional(
        settings.postalAddress(), new HashSet<>(email.kind().allowed()));
    Parts parts = parts(LIST_TEMPLATE, model, LIST_TEMPLATE, home, email.preheader(), required, email.path());
    ZonedDateTime date = day.atTime(settings.sendTime()).atZone(settings.zone());
    String id = messageId("list-" + email.name(), email.subject(), parts);
    return new Email(parts.html(), parts.text(),
        Email.Headers.transactional(settings.from(), settings.replyTo(), email.subject(), date, id));
  }

  /** The two parts of an email: the HTML as sent and its text. */
  private record Parts(String html, String text) {}

  /**
   * The stages every email goes through: template (its errors said to be {@code rendering page}),
   * stylesheet inlined, links absolute on {@code base}, images sized, preheader, text part, and the
   * gate (its problems at {@code path}).
   */
  private Parts parts(String template, Map<String, Object> model, String page, String base, String preheader,
      EmailLint.Required required, String path) throws ContentException {
    String rendered = templates.render(template, model, page);
    Document doc = Jsoup.parse(rendered, base);
    doc.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
    doc.head().prependElement("style").appendChild(new DataNode(css));
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

  /**
   * {@code <prefix>.<hash of subject and parts>@<site's host>}: the same email, the same
   * Message-ID, so a bake again changes no byte.
   */
  private String messageId(String prefix, String subject, Parts parts) {
    return prefix + "." + contentHash(subject, parts.text(), parts.html()) + "@" + hostName();
  }

  /** The first 20 hex digits of the SHA-256 of the strings, each followed by a zero byte. */
  static String contentHash(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String p : parts) {
        sha.update(p.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has SHA-256
    }
  }

  private String hostName() {
    String h = settings.host().replaceFirst("^[a-z]+://", "");
    int slash = h.indexOf('/');
    return slash < 0 ? h : h.substring(0, slash);
  }
}
