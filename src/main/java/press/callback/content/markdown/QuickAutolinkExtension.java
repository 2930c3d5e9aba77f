package press.callback.content.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.DocumentPostProcessor;
import com.vladsch.flexmark.parser.block.DocumentPostProcessorFactory;
import com.vladsch.flexmark.util.ast.DoNotDecorate;
import com.vladsch.flexmark.util.ast.DoNotLinkDecorate;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.SubSequence;

/**
 * Bare links ({@code https://…}, {@code www.…}, e-mail addresses) become links — flexmark's
 * autolink extension, run only on text that could hold one. Its link finder reads every text
 * node character by character: a quarter of the Markdown time of a large bake, almost all of it
 * on text without a link. Same output as {@code AutolinkExtension} (checked by the Markdown spec
 * test), run as a document post-processor ({@link DocumentNodes} says why).
 */
public final class QuickAutolinkExtension implements Parser.ParserExtension {
  private QuickAutolinkExtension() {}

  public static QuickAutolinkExtension create() {
    return new QuickAutolinkExtension();
  }

  @Override
  public void parserOptions(MutableDataHolder options) {}

  @Override
  public void extend(Parser.Builder builder) {
    builder.postProcessorFactory(new Factory());
  }

  /** Whether a text can hold a link the autolinker finds: a scheme, "www." or an address. */
  static boolean mayHoldLink(CharSequence text) {
    if (text instanceof SubSequence sub && sub.getBase() instanceof String base) {
      // The text's own piece of the source string, read from the string itself: not one
      // flexmark sequence call per character.
      return mayHoldLink(base, sub.getStartOffset(), sub.getEndOffset());
    }
    return scan(text);
  }

  /** {@link #mayHoldLink} character by character, for any sequence. */
  static boolean scan(CharSequence text) {
    return mayHoldLink(text, 0, text.length());
  }

  /**
   * {@link #mayHoldLink} on {@code s[start, end)}, reading no character outside it: a search
   * that runs on past {@code end} costs every text node the rest of the document, and a large
   * document the square of its length.
   */
  static boolean mayHoldLink(CharSequence s, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c == '@' || (c == ':' && i + 2 < end && s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/')) {
        return true;
      }
      if ((c == 'w' || c == 'W') && i + 3 < end && s.charAt(i + 3) == '.'
          && Character.toLowerCase(s.charAt(i + 1)) == 'w' && Character.toLowerCase(s.charAt(i + 2)) == 'w') {
        return true;
      }
    }
    return false;
  }

  private static final class Factory extends DocumentPostProcessorFactory {
    @Override
    public DocumentPostProcessor apply(Document document) {
      return new DocumentPostProcessor() {
        @Override
        public Document processDocument(Document doc) {
          AutolinkNodePostProcessor links = null; // costly to make: only for documents with links
          for (Text text : DocumentNodes.ofClass(doc, Text.class, DoNotDecorate.class, DoNotLinkDecorate.class)) {
            if (text.getParent() != null && mayHoldLink(text.getChars())) {
              if (links == null) {
                links = new AutolinkNodePostProcessor(doc);
              }
              links.process(DocumentNodes.UNTRACKED, text);
            }
          }
          return doc;
        }
      };
    }
  }
}
