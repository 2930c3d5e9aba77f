package press.callback.content;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * One of the list service's own emails, written by the author in {@code content/list/}: the
 * confirmation a new address gets, the note an address already on the list gets, and the welcome
 * after confirming. Baked like an issue, but transactional: no list headers, no unsubscribe link.
 *
 * @param name {@code confirm}, {@code already} or {@code welcome}: the file's name and the folder
 *     of its email ({@code target/newsletter/list/<name>/})
 * @param path the file relative to the project ({@code content/list/confirm.md})
 * @param title the heading of the email
 * @param subject the email's subject
 * @param preheader the line inboxes show after the subject
 * @param html the body, rendered from Markdown, with its {@code {{…}}} placeholders left whole
 */
public record ListEmail(String name, String path, String title, String subject, String preheader, String html) {
  /** Where the confirmation link goes: filled by the list service for each signup. */
  public static final String CONFIRM_URL = "{{confirm_url}}";
  /** Where a subscriber's preferences link goes: filled by the list service. */
  public static final String MANAGE_URL = "{{manage_url}}";
  /** The subscriber's name, filled by the list service; never in a confirmation. */
  public static final String NAME = "{{name}}";

  /** The list emails, in the order a reader meets them, and the folder they are written in. */
  public static final List<String> NAMES = List.of("confirm", "already", "welcome");

  /** The folder of {@code content/} that holds them. */
  public static final String FOLDER = "list";

  /**
   * One block of the body, as the email's template lays it out.
   *
   * @param html the block's HTML, when it is text
   * @param href the link's address, when the block is a button
   * @param label the button's words
   */
  public record Block(String html, String href, String label) {
    /** Whether the template shows this block as a button. */
    public boolean button() {
      return href != null;
    }
  }

  /**
   * The body as blocks: a paragraph that is nothing but a link is the email's call to action, a
   * button ({@code [Yes, subscribe me]({{confirm_url}})} alone on its lines); the rest is text.
   */
  public List<Block> blocks() {
    List<Block> blocks = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    org.jsoup.nodes.Document doc = Jsoup.parseBodyFragment(html);
    doc.outputSettings().prettyPrint(false);
    for (Node n : doc.body().childNodes()) {
      Element link = n instanceof Element p && p.normalName().equals("p") ? onlyLink(p) : null;
      if (link == null) {
        text.append(n.outerHtml());
        continue;
      }
      if (!text.toString().isBlank()) {
        blocks.add(new Block(text.toString().strip(), null, null));
      }
      text.setLength(0);
      blocks.add(new Block(null, link.attr("href"), link.text()));
    }
    if (!text.toString().isBlank()) {
      blocks.add(new Block(text.toString().strip(), null, null));
    }
    return List.copyOf(blocks);
  }

  private static Element onlyLink(Element p) {
    Element link = null;
    for (Node child : p.childNodes()) {
      if (child instanceof TextNode t && t.isBlank()) {
        continue;
      }
      if (link != null || !(child instanceof Element e) || !e.normalName().equals("a") || !e.hasAttr("href")) {
        return null;
      }
      link = e;
    }
    return link;
  }

  /** The placeholder the email must contain ({@code {{confirm_url}}} or {@code {{manage_url}}}). */
  public static String required(String name) {
    return name.equals("confirm") ? CONFIRM_URL : MANAGE_URL;
  }

  /** The placeholders the list service fills in this email. */
  public static List<String> allowed(String name) {
    return name.equals("confirm") ? List.of(CONFIRM_URL) : List.of(MANAGE_URL, NAME);
  }
}
