package press.callback.newsletter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The email quality gate: the rules an {@code email.html} and its text part must meet so that
 * the newsletter renders in Gmail, Outlook, Apple Mail and Yahoo, reads well in dark mode and
 * with images off, and meets anti-spam law. Each violation names its rule.
 */
public final class EmailLint {
  /** Gmail clips messages from 102 KB on. */
  public static final int MAX_BYTES = 102 * 1024;

  private static final Pattern BANNED_CSS = Pattern.compile(
      "var\\(|display\\s*:\\s*(?:inline-)?(?:flex|grid)\\b|(?<![-\\w])position\\s*:|box-shadow\\s*:|\\bgrid-template",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern URL_IN_TEXT = Pattern.compile("<([^>\\s]+)>");
  /** Attributes that hold an address a client may follow or load. */
  private static final Set<String> URL_ATTRIBUTES =
      Set.of("href", "src", "background", "action", "formaction", "poster", "xlink:href");

  /** One broken rule. */
  public record Violation(String rule, String detail, String hint) {}

  /**
   * What the email must contain.
   *
   * @param unsubscribeUrl the https unsubscribe address (may hold a {@code {{token}}} placeholder),
   *     or {@code null} for a transactional email (a list's confirmation), which has none
   * @param postalAddress the sender's postal address
   * @param browserUrl the issue's page in the web archive, or {@code null} for an email with no page
   * @param placeholderLinks link addresses left for the sender to fill ({@code {{confirm_url}}}):
   *     not absolute yet, and allowed
   */
  public record Required(String unsubscribeUrl, String postalAddress, String browserUrl, Set<String> placeholderLinks) {
    public Required {
      placeholderLinks = Set.copyOf(placeholderLinks);
    }

    /** What an issue must contain. */
    public Required(String unsubscribeUrl, String postalAddress, String browserUrl) {
      this(unsubscribeUrl, postalAddress, browserUrl, Set.of());
    }

    /** What a transactional email must contain: the postal address; its links may be placeholders. */
    public static Required transactional(String postalAddress, Set<String> placeholderLinks) {
      return new Required(null, postalAddress, null, placeholderLinks);
    }
  }

  private EmailLint() {}

  /** Checks an email; returns every violation, in rule order. */
  public static List<Violation> check(String html, Document doc, String text, Required required) {
    List<Violation> v = new ArrayList<>();
    int bytes = html.getBytes(StandardCharsets.UTF_8).length;
    if (bytes >= MAX_BYTES) {
      v.add(new Violation("size", String.format(Locale.ROOT, "%,d bytes; Gmail clips from %,d", bytes, MAX_BYTES),
          "shorten the note or carry fewer articles"));
    }
    for (String tag : List.of("script", "form", "iframe", "object", "embed")) {
      if (!doc.select(tag).isEmpty()) {
        v.add(new Violation("no-" + tag, "<" + tag + "> found", "email clients strip or block <" + tag + ">; remove it"));
      }
    }
    eventHandlers(doc, v);
    if (!doc.select("link[rel~=(?i)stylesheet]").isEmpty()) {
      v.add(new Violation("no-stylesheet-link", "<link rel=stylesheet> found", "put the CSS in assets/css/email.css"));
    }
    String css = String.join("\n", doc.select("[style]").eachAttr("style"));
    String styles = String.join("\n", doc.select("style").stream().map(Element::data).toList());
    if (styles.contains("@import")) {
      v.add(new Violation("no-import", "@import in CSS", "clients do not load imported CSS; copy the rules in"));
    }
    Matcher m = BANNED_CSS.matcher(styles + "\n" + css);
    Set<String> banned = new LinkedHashSet<>();
    while (m.find()) {
      banned.add(m.group().replaceAll("\\s+", ""));
    }
    if (!banned.isEmpty()) {
      v.add(new Violation("css-support", "unsupported CSS: " + String.join(", ", banned),
          "var(), flex, grid, position and box-shadow fail in Outlook and Gmail; use tables and padding"));
    }
    List<String> badLinks = new ArrayList<>();
    for (String url : addresses(doc)) {
      if (!EmailLinks.isEmailSafe(url) && !required.placeholderLinks().contains(url)) {
        badLinks.add(url.isEmpty() ? "(empty)" : url);
      }
    }
    if (!badLinks.isEmpty()) {
      v.add(new Violation("absolute-links", "not absolute https: or mailto: " + String.join(", ", badLinks),
          "link to https:// addresses (site.host in jbake.properties must be https)"));
    }
    for (Element img : doc.select("img")) {
      if (!img.hasAttr("alt")) {
        v.add(new Violation("image-alt", "image without alt: " + img.attr("src"), "add alt text (empty alt=\"\" for decoration)"));
      }
      if (!img.attr("width").matches("\\d+")) {
        v.add(new Violation("image-width", "image without a width in pixels: " + img.attr("src"),
            "give the image a width, or put the file under assets/ so its size can be read"));
      }
    }
    head(doc, v);
    for (Element table : doc.select("table")) {
      boolean dataTable = !table.select("th").isEmpty();
      if (!dataTable && !table.attr("role").equals("presentation")) {
        v.add(new Violation("layout-table-role", "a layout <table> without role=\"presentation\"",
            "add role=\"presentation\" so screen readers do not announce it as a table"));
        break;
      }
    }
    content(doc, text, required, v);
    return v;
  }

  /**
   * Any {@code on*} attribute, whatever its case: script that clients strip or block (or, in a
   * webmail, that must never run), and on the issue's page script from the text.
   */
  private static void eventHandlers(Document doc, List<Violation> v) {
    Set<String> found = new LinkedHashSet<>();
    for (Element e : doc.getAllElements()) {
      for (Attribute a : e.attributes()) {
        if (a.getKey().toLowerCase(Locale.ROOT).startsWith("on")) {
          found.add(a.getKey().toLowerCase(Locale.ROOT) + " on <" + e.tagName() + ">");
        }
      }
    }
    if (!found.isEmpty()) {
      v.add(new Violation("no-event-handlers", String.join(", ", found),
          "remove the attribute (raw HTML in the issue's Markdown?): email runs no script"));
    }
  }

  /** Every address of the email: in any attribute that holds one, each of a srcset's. */
  private static List<String> addresses(Document doc) {
    List<String> out = new ArrayList<>();
    for (Element e : doc.getAllElements()) {
      for (Attribute a : e.attributes()) {
        String key = a.getKey().toLowerCase(Locale.ROOT);
        if (key.equals("srcset")) {
          for (String candidate : a.getValue().split(",")) {
            String url = candidate.strip().split("\\s+")[0];
            if (!url.isEmpty()) {
              out.add(url);
            }
          }
        } else if (URL_ATTRIBUTES.contains(key)) {
          out.add(a.getValue());
        }
      }
    }
    return out;
  }

  private static void head(Document doc, List<Violation> v) {
    if (doc.selectFirst("html[lang]") == null || doc.selectFirst("html").attr("lang").isBlank()) {
      v.add(new Violation("html-lang", "<html> has no lang", "add lang=\"en\" (site.locale)"));
    }
    Element title = doc.selectFirst("head > title");
    if (title == null || title.text().isBlank()) {
      v.add(new Violation("title", "no <title>", "give the email a <title>: the subject"));
    }
    if (doc.selectFirst("meta[charset], meta[http-equiv~=(?i)content-type]") == null) {
      v.add(new Violation("meta-charset", "no charset meta", "add <meta charset=\"utf-8\">"));
    }
    if (doc.selectFirst("meta[name=viewport]") == null) {
      v.add(new Violation("meta-viewport", "no viewport meta", "add <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
    }
    if (doc.selectFirst("meta[name=color-scheme]") == null || doc.selectFirst("meta[name=supported-color-schemes]") == null) {
      v.add(new Violation("meta-color-scheme", "color-scheme or supported-color-schemes meta missing",
          "add both with content=\"light dark\" so dark mode is intended, not forced"));
    }
  }

  private static void content(Document doc, String text, Required required, List<Violation> v) {
    boolean unsubscribe = required.unsubscribeUrl() == null || doc.select("a[href]").stream()
        .anyMatch(a -> a.attr("href").equals(required.unsubscribeUrl())
            && a.text().toLowerCase(Locale.ROOT).contains("unsubscribe") && visible(a));
    if (!unsubscribe) {
      v.add(new Violation("unsubscribe-link", "no visible link to " + required.unsubscribeUrl() + " saying 'unsubscribe'",
          "keep the unsubscribe link in templates/email/footer.ftl"));
    }
    String bodyText = doc.body().text().replaceAll("\\s+", " ");
    String address = required.postalAddress() == null ? "" : required.postalAddress().replaceAll("\\s+", " ").strip();
    if (address.isEmpty() || !bodyText.contains(address)) {
      v.add(new Violation("postal-address", address.isEmpty() ? "newsletter.postal_address is not set" : "the postal address is missing",
          "set newsletter.postal_address in jbake.properties and keep it in the footer (anti-spam law)"));
    }
    boolean browser = required.browserUrl() == null
        || doc.select("a[href]").stream().anyMatch(a -> a.attr("href").equals(required.browserUrl()) && visible(a));
    if (!browser) {
      v.add(new Violation("view-in-browser", "no link to " + required.browserUrl(),
          "keep the 'view in browser' link in templates/email/header.ftl"));
    }
    Set<String> inText = new LinkedHashSet<>();
    Matcher m = URL_IN_TEXT.matcher(text);
    while (m.find()) {
      inText.add(m.group(1));
    }
    List<String> missing = doc.select("a[href]").eachAttr("href").stream()
        .filter(h -> !h.startsWith("#") && !inText.contains(h))
        .distinct()
        .toList();
    if (!missing.isEmpty()) {
      v.add(new Violation("text-links", "the text part lacks " + String.join(", ", missing),
          "every link of the HTML must be in email.txt as text <url>"));
    }
  }

  /** Not inside something hidden with display:none (such as the preheader). */
  private static boolean visible(Element e) {
    for (Element p = e; p != null; p = p.parent()) {
      if (p.attr("style").replace(" ", "").toLowerCase(Locale.ROOT).contains("display:none") || p.hasAttr("hidden")) {
        return false;
      }
    }
    return true;
  }
}
