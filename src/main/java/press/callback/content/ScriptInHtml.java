package press.callback.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import press.callback.content.markdown.ScriptLinkExtension;
import press.callback.diag.Diagnostic;

/**
 * Finds raw HTML in a body that would run script on the site: an event handler attribute
 * ({@code onerror=}, {@code onclick=}, any {@code on*}) or a script address ({@code javascript:}
 * and the like, as {@link ScriptLinkExtension} reads them). Markdown passes raw HTML through as it
 * is; its own links with such addresses are already text. HTML shown in code is not an element,
 * so it is not reported.
 */
final class ScriptInHtml {
  private static final Set<String> URL_ATTRIBUTES =
      Set.of("href", "src", "action", "formaction", "poster", "xlink:href", "background", "data", "cite");

  private ScriptInHtml() {}

  /**
   * The problems of one entry's body, each at the line of its tag in the Markdown if found.
   *
   * @param body the entry's HTML, parsed
   */
  static List<Diagnostic> check(Entry e, Element body) {
    List<Diagnostic> out = new ArrayList<>();
    for (Element element : body.getAllElements()) {
      for (Attribute a : element.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        String tag = element.tagName();
        if (name.startsWith("on")) {
          out.add(at(e, tag, name, "raw HTML with an event handler attribute: " + name + " on <" + tag + ">",
              "remove it: pages run only the site's own scripts (assets/js/), and email none"));
        } else if (URL_ATTRIBUTES.contains(name)
            && ScriptLinkExtension.isScript(a.getValue(), tag.equals("img") && name.equals("src"))) {
          out.add(at(e, tag, name, "raw HTML with a script address: " + name + "=\"" + a.getValue() + "\" on <" + tag + ">",
              "link to an https: address instead"));
        }
      }
    }
    return out;
  }

  /** An error at the first line of the body's Markdown with {@code <tag … attribute=}, or its start. */
  private static Diagnostic at(Entry e, String tag, String attribute, String message, String hint) {
    Pattern p = Pattern.compile("<" + Pattern.quote(tag) + "\\b[^>]*?\\s" + Pattern.quote(attribute) + "\\s*=",
        Pattern.CASE_INSENSITIVE);
    String[] lines = e.doc().body().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = p.matcher(lines[i]);
      if (m.find()) {
        return Diagnostic.error(e.path(), e.doc().bodyLine() + i, m.start() + 1, message, hint);
      }
    }
    return Diagnostic.error(e.path(), e.doc().bodyLine(), 0, message, hint);
  }
}
