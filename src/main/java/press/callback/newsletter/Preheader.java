package press.callback.newsletter;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The hidden line inboxes show after the subject. Put first in {@code <body>}, followed by
 * invisible filler so the inbox preview does not run on into the email's first words.
 */
public final class Preheader {
  /** Zero-width non-joiner and non-breaking space, repeated: clients show them as nothing. */
  static final String FILLER = "\u200C\u00A0".repeat(60);

  static final String STYLE =
      "display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all";

  private Preheader() {}

  /** Inserts {@code text} as the hidden preheader (replacing an earlier one). */
  public static void insert(Document doc, String text) {
    doc.select("body > div.preheader").remove();
    Element div = new Element("div").addClass("preheader").attr("style", STYLE).attr("aria-hidden", "true");
    div.appendText(text + FILLER);
    doc.body().prependChild(div);
  }
}
