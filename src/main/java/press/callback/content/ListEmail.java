package press.callback.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * One of the list service's own emails, written by the author in {@code content/list/}: the
 * confirmation a new address gets, the note an address already on the list gets, and the welcome
 * after confirming. Baked like an issue, but transactional: no list headers, no unsubscribe link.
 *
 * @param kind which of the three it is: the file's name and the folder of its email ({@code
 *     target/newsletter/list/<name>/})
 * @param path the file relative to the project ({@code content/list/confirm.md})
 * @param title the heading of the email
 * @param subject the email's subject
 * @param preheader the line inboxes show after the subject
 * @param html the body, rendered from Markdown, with its {@code {{…}}} placeholders left whole
 */
public record ListEmail(Kind kind, String path, String title, String subject, String preheader, String html) {
  /** Where the confirmation link goes: filled by the list service for each signup. */
  public static final String CONFIRM_URL = "{{confirm_url}}";
  /** Where a subscriber's preferences link goes: filled by the list service. */
  public static final String MANAGE_URL = "{{manage_url}}";
  /** The subscriber's name, filled by the list service; never in a confirmation. */
  public static final String NAME = "{{name}}";

  /** The names of the list emails, in the order a reader meets them ({@link Kind}). */
  public static final List<String> NAMES = Arrays.stream(Kind.values()).map(Kind::word).toList();

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

  /** Which list email this is, in the order a reader meets them. */
  public enum Kind {
    /** To every new address, to confirm it. */
    CONFIRM("confirm", CONFIRM_URL, List.of(CONFIRM_URL), "[Yes, subscribe me]({{confirm_url}})"),
    /** To an address already on the list that signs up again. */
    ALREADY("already", MANAGE_URL, List.of(MANAGE_URL, NAME), "[Change your preferences or unsubscribe]({{manage_url}})"),
    /** To an address that confirms. */
    WELCOME("welcome", MANAGE_URL, List.of(MANAGE_URL, NAME), "[Change your preferences or unsubscribe]({{manage_url}})");

    private final String word;
    private final String required;
    private final List<String> allowed;
    private final String example;

    Kind(String word, String required, List<String> allowed, String example) {
      this.word = word;
      this.required = required;
      this.allowed = allowed;
      this.example = example;
    }

    /** The file's name without {@code .md}, and its email's folder. */
    public String word() {
      return word;
    }

    /** The placeholder the email must contain ({@code {{confirm_url}}} or {@code {{manage_url}}}). */
    public String required() {
      return required;
    }

    /** The placeholders the list service fills in this email. */
    public List<String> allowed() {
      return allowed;
    }

    /** A line with the required placeholder, for hints. */
    String example() {
      return example;
    }

    /** The list email a file of this name (without {@code .md}) is, if it is one. */
    public static Optional<Kind> named(String word) {
      return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
    }
  }

  /** The file's name without {@code .md}: {@code confirm}, {@code already} or {@code welcome}. */
  public String name() {
    return kind.word();
  }
}
