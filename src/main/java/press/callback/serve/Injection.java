package press.callback.serve;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server adds to the HTML pages it serves (never to the files on disk): the live-reload
 * script, and a banner on pages readers would not see yet.
 */
final class Injection {
  static final String SCRIPT = "<script src=\"/_press/live.js\" defer></script>";
  private static final Pattern BODY_OPEN = Pattern.compile("<body\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern BODY_CLOSE = Pattern.compile("</body\\s*>", Pattern.CASE_INSENSITIVE);

  private Injection() {}

  /**
   * The page with the script before its last {@code </body>} (or at the end), and {@code mark}
   * (if not {@code null}) as a banner at the top of the body.
   */
  static String inject(String html, String mark) {
    StringBuilder out = new StringBuilder(html.length() + 400);
    int insertBanner = -1;
    if (mark != null) {
      Matcher open = BODY_OPEN.matcher(html);
      insertBanner = open.find() ? open.end() : 0;
    }
    int close = -1;
    Matcher m = BODY_CLOSE.matcher(html);
    while (m.find()) {
      close = m.start();
    }
    if (close < 0 || close < insertBanner) {
      close = html.length();
    }
    if (insertBanner >= 0) {
      out.append(html, 0, insertBanner).append(banner(mark)).append(html, insertBanner, close);
    } else {
      out.append(html, 0, close);
    }
    return out.append(SCRIPT).append(html, close, html.length()).toString();
  }

  private static String banner(String mark) {
    return "<div id=\"press-preview-mark\" role=\"note\" style=\"position:sticky;top:0;z-index:2147483646;"
        + "background:#7a1f00;color:#fff;font:600 15px/1.4 system-ui,sans-serif;padding:8px 16px;"
        + "text-align:center\">" + escape(mark) + " (preview)</div>";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
