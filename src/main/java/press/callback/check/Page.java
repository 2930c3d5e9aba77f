package press.callback.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * One HTML page of the baked site, parsed once: the links it makes and the ids it offers as
 * {@code #anchors}.
 *
 * @param path the file relative to the site root ({@code about/index.html})
 * @param links every link, image and resource address, in document order
 * @param ids the values of {@code id} attributes and of {@code <a name>}
 */
record Page(String path, List<Link> links, Set<String> ids) {

  /**
   * An address written on a page.
   *
   * @param tag the element ({@code a}, {@code img}, {@code link}, …)
   * @param value the attribute's value, entities decoded
   * @param hasAlt for images, whether the {@code alt} attribute is there (even empty)
   */
  record Link(String tag, String value, boolean hasAlt) {
    boolean isImage() {
      return tag.equals("img");
    }

    /** How the message calls it: link, image, stylesheet or feed, script, media. */
    String noun() {
      return switch (tag) {
        case "a", "area" -> "link";
        case "img" -> "image";
        case "link" -> "<link>";
        case "script" -> "script";
        default -> "<" + tag + ">";
      };
    }
  }

  /** Parses {@code html} once and reads both links and ids. */
  static Page read(String path, String html) {
    List<Link> links = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Element e : Jsoup.parse(html).getAllElements()) {
      collect(e, links, ids);
    }
    return new Page(path, List.copyOf(links), Set.copyOf(ids));
  }

  /** The links of an HTML fragment (a document's body), in order. */
  static List<Link> linksOf(String fragment) {
    List<Link> links = new ArrayList<>();
    Set<String> ignored = new HashSet<>();
    for (Element e : Jsoup.parseBodyFragment(fragment).body().getAllElements()) {
      collect(e, links, ignored);
    }
    return links;
  }

  private static void collect(Element e, List<Link> links, Set<String> ids) {
    String id = e.id();
    if (!id.isEmpty()) {
      ids.add(id);
    }
    String attr = switch (e.normalName()) {
      case "a" -> {
        if (e.hasAttr("name")) {
          ids.add(e.attr("name"));
        }
        yield "href";
      }
      case "area", "link" -> "href";
      case "img", "script", "source", "iframe", "video", "audio", "embed" -> "src";
      default -> null;
    };
    if (attr != null && e.hasAttr(attr)) {
      links.add(new Link(e.normalName(), e.attr(attr).strip(), e.hasAttr("alt")));
    }
  }
}
