package press.callback.site.jbake;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import press.callback.content.Entry;
import press.callback.content.SearchTerms;
import press.callback.http.Json;

/**
 * Small functions the site's templates call as {@code press.*}: the email templates' ({@link
 * press.callback.newsletter.EmailHelpers}: address, absolute links, dates, reading grade) and JSON for
 * structured data and the search index, and {@code mailto:} links. Dates are days in the site's
 * zone; nothing here reads the clock.
 */
public final class TemplateHelpers extends press.callback.newsletter.EmailHelpers {
  private final ZoneId zone;
  private final LocalDate buildDate;
  private final String subscribeUrl;

  TemplateHelpers(String host, Locale locale, ZoneId zone, LocalDate buildDate) {
    this(host, locale, zone, buildDate, null);
  }

  /** @param subscribeUrl where subscribe forms post ({@code newsletter.list_url}/subscribe), or null */
  TemplateHelpers(String host, Locale locale, ZoneId zone, LocalDate buildDate, String subscribeUrl) {
    super(host, locale);
    this.subscribeUrl = subscribeUrl == null ? "" : subscribeUrl;
    this.zone = zone;
    this.buildDate = buildDate;
  }

  /** The build date ({@code --today}): what is dated later is not published. */
  public LocalDate buildDate() {
    return buildDate;
  }

  /**
   * Where the subscribe forms post: the list service's {@code /subscribe}, or empty when the site
   * has none ({@code newsletter.list_url} not set): the page then says how to subscribe by email.
   */
  public String subscribeUrl() {
    return subscribeUrl;
  }

  /**
   * An HTML fragment with its root-relative links and images made absolute, for places read away
   * from the site (feeds, email).
   */
  public String absoluteLinks(String html) {
    Element body = Jsoup.parseBodyFragment(html).body();
    boolean changed = false;
    for (Element e : body.select("a[href^=/], img[src^=/]")) {
      String attr = e.hasAttr("href") ? "href" : "src";
      String value = e.attr(attr);
      if (!value.startsWith("//")) {
        e.attr(attr, abs(value));
        changed = true;
      }
    }
    return changed ? body.html() : html;
  }

  /** RFC 3339 timestamp of the start of the day, as Atom wants: {@code 2026-11-30T00:00:00Z}. */
  public String atomDate(LocalDate date) {
    return date == null
        ? ""
        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.atStartOfDay(zone).toOffsetDateTime());
  }

  /**
   * {@code value} as JSON text: hashes become objects, sequences arrays. Safe inside a
   * {@code <script>} element, so templates write it with {@code ?no_esc}.
   */
  public String json(Object value) {
    return Json.write(value);
  }

  /**
   * The stems of an entry's text that its title, tags and the given summary do not already hold,
   * separated by spaces: the search index's {@code terms} (the index lists those three apart).
   */
  public String searchTerms(Entry entry, String summary) {
    java.util.Set<String> shown = new java.util.HashSet<>(
        SearchTerms.of(entry.title() + " " + summary + " " + String.join(" ", entry.tags())));
    StringBuilder out = new StringBuilder();
    for (String term : entry.body().terms()) {
      if (!shown.contains(term)) {
        out.append(out.length() == 0 ? "" : " ").append(term);
      }
    }
    return out.toString();
  }

  /**
   * A rendered body cut at its {@code h2} headings (the text before the first has an empty id):
   * for layouts that add something to each section, as the playbook adds each step's templates.
   */
  public List<PageSections.Section> sections(String html) {
    return PageSections.of(html);
  }

  /**
   * A {@code mailto:} link without an address that opens a new email with this subject and body
   * (RFC 6068): every character but ASCII letters, digits and {@code -._~} is percent-encoded as
   * UTF-8, and every line break becomes {@code %0D%0A}.
   */
  public String mailto(String subject, String body) {
    return "mailto:?subject=" + percentEncode(subject) + "&body=" + percentEncode(body);
  }

  /** The reply coach's address with an email filled in: {@code /coach/?subject=…&body=…}. */
  public String coachUrl(String subject, String body) {
    return "/coach/?subject=" + percentEncode(subject) + "&body=" + percentEncode(body);
  }

  private static String percentEncode(String text) {
    String crlf = text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    StringBuilder out = new StringBuilder();
    for (byte b : crlf.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
