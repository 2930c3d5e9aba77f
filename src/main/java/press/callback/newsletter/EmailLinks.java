package press.callback.newsletter;

import java.net.URI;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Makes every link and image address absolute on the site's host (an email has no "current
 * page"), and gives every image a {@code width} attribute (Outlook ignores CSS widths).
 */
public final class EmailLinks {
  /**
   * Images wider than the email's text column (600px less 32px padding each side, see
   * email.css) are shown at its width.
   */
  public static final int MAX_WIDTH = 536;

  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
  private static final Pattern CSS_WIDTH = Pattern.compile("(?:^|;)\\s*width\\s*:\\s*(\\d+)px", Pattern.CASE_INSENSITIVE);

  private EmailLinks() {}

  /**
   * Rewrites {@code href}, {@code src} and {@code background} attributes relative to {@code
   * pageUrl} (absolute) into absolute URLs.
   */
  public static void absolutize(Document doc, String pageUrl) {
    URI base = URI.create(pageUrl);
    for (Element e : doc.select("[href], [src], [background]")) {
      for (String attr : new String[] {"href", "src", "background"}) {
        if (!e.hasAttr(attr)) {
          continue;
        }
        String value = e.attr(attr).strip();
        if (value.isEmpty() || value.startsWith("{{") || SCHEME.matcher(value).find()) {
          continue;
        }
        try {
          e.attr(attr, value.startsWith("//") ? base.getScheme() + ":" + value : base.resolve(value).toString());
        } catch (IllegalArgumentException bad) {
          // Not a URL at all; the quality gate reports it.
        }
      }
    }
  }

  /**
   * Adds {@code width} to images that lack it: from their CSS width in pixels, else from {@code
   * intrinsicWidth} (by absolute URL), at most {@link #MAX_WIDTH}. Images whose width cannot be
   * known keep none; the quality gate reports them.
   */
  public static void sizeImages(Document doc, Function<String, OptionalInt> intrinsicWidth) {
    for (Element img : doc.select("img:not([width])")) {
      Matcher m = CSS_WIDTH.matcher(img.attr("style"));
      OptionalInt width = m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : intrinsicWidth.apply(img.attr("src"));
      if (width.isPresent()) {
        img.attr("width", String.valueOf(Math.min(width.getAsInt(), MAX_WIDTH)));
      }
    }
  }

  /** Whether an address is one an email may link to: absolute https or mailto. */
  static boolean isEmailSafe(String url) {
    String u = url.strip().toLowerCase(Locale.ROOT);
    return u.startsWith("https://") || u.startsWith("mailto:");
  }
}
