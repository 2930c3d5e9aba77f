package press.callback.newsletter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import press.callback.content.ReplyScore;

/**
 * What email templates call as {@code press.*}: the site's address, absolute links, dates in the
 * site's locale and the reply-readiness figures. The site's templates get these and more (the
 * site's {@code TemplateHelpers} extends this class), so both give the same answers; nothing here
 * reads the clock.
 */
public class EmailHelpers {
  private final String host;
  private final DateTimeFormatter longDate;
  private final DateTimeFormatter shortDate;

  /** @param host the site's https address, without a trailing slash */
  public EmailHelpers(String host, Locale locale) {
    this.host = host;
    this.longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    this.shortDate = DateTimeFormatter.ofPattern("MMM d", locale);
  }

  /** The site's address, without a trailing slash. */
  public String host() {
    return host;
  }

  /** {@code /about/} → {@code https://example.org/about/}; absolute URLs pass unchanged. */
  public String abs(String path) {
    if (path.startsWith("http://") || path.startsWith("https://") || path.startsWith("mailto:")) {
      return path;
    }
    return host + (path.startsWith("/") ? path : "/" + path);
  }

  /** {@code 2026-11-30}. */
  public String isoDate(LocalDate date) {
    return date == null ? "" : date.toString();
  }

  /** {@code November 30, 2026} in the site's locale. */
  public String longDate(LocalDate date) {
    return date == null ? "" : longDate.format(date);
  }

  /** {@code Nov 30} in the site's locale. */
  public String shortDate(LocalDate date) {
    return date == null ? "" : shortDate.format(date);
  }

  /** A reading grade as shown: {@code 5.2}, {@code 6}, {@code -1.6}. */
  public String grade(double grade) {
    return ReplyScore.format(grade);
  }

  /** A reading grade in words: {@code very easy to read}, … (see {@link ReplyScore#level}). */
  public String readingLevel(double grade) {
    return ReplyScore.level(grade);
  }
}
