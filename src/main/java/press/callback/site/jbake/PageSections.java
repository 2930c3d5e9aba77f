package press.callback.site.jbake;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Cuts a rendered page body into its {@code h2} sections, so that a layout can add to the end of
 * each: the playbook puts each step's templates after the step's own text, in one list.
 *
 * <p>Works on the HTML tree (jsoup), never on the text, and keeps every node as rendered.
 */
public final class PageSections {
  /**
   * One section.
   *
   * @param id the {@code id} of the {@code h2} that opens it; empty for the text before the first
   * @param html the section, its heading included
   */
  public record Section(String id, String html) {}

  private PageSections() {}

  /** The sections of {@code html}: what comes before the first {@code h2}, then one per {@code h2}. */
  static List<Section> of(String html) {
    Document doc = Jsoup.parseBodyFragment(html);
    doc.outputSettings().prettyPrint(false);
    List<Section> out = new ArrayList<>();
    String id = "";
    StringBuilder current = new StringBuilder();
    for (Node node : doc.body().childNodes()) {
      if (node instanceof Element el && el.normalName().equals("h2")) {
        if (!id.isEmpty() || !current.toString().isBlank()) {
          out.add(new Section(id, current.toString()));
        }
        id = el.id();
        current = new StringBuilder();
      }
      current.append(node.outerHtml());
    }
    if (!id.isEmpty() || !current.toString().isBlank()) {
      out.add(new Section(id, current.toString()));
    }
    return List.copyOf(out);
  }
}
