package press.callback.content.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.DoNotDecorate;
import com.vladsch.flexmark.util.ast.DoNotLinkDecorate;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.SubSequence;

/**
 * Bare links ({@code https://…}, {@code www.…}, e-mail addresses) become links — flexmark's
 * autolink extension, run only on text that could hold one. Its link finder reads every text
 * node character by character: a quarter of the Markdown time of a large bake, almost all of it
 * on text without a link. Same output as {@code AutolinkExtension} (checked by the Markdown spec
 * test).
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
      // The text's own piece of the source string: searched with String's intrinsics, not one
      // flexmark sequence call per character.
      return mayHoldLink(base, sub.getStartOffset(), sub.getEndOffset());
    }
    return scan(text);
  }

  /** {@link #mayHoldLink} on {@code s[start, end)}. */
  static boolean mayHoldLink(String s, int start, int end) {
    int at = s.indexOf('@', start);
    if (at >= 0 && at < end) {
      return true;
    }
    int scheme = s.indexOf("://", start);
    if (scheme >= 0 && scheme + 2 < end) {
      return true;
    }
    for (int i = s.indexOf('.', start + 3); i >= 0 && i < end; i = s.indexOf('.', i + 1)) {
      if (s.regionMatches(true, i - 3, "www", 0, 3)) {
        return true;
      }
    }
    return false;
  }

  /** {@link #mayHoldLink} character by character, for any sequence. */
  static boolean scan(CharSequence text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c == '@' || (c == ':' && i + 2 < n && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/')) {
        return true;
      }
      if ((c == 'w' || c == 'W') && i + 3 < n && text.charAt(i + 3) == '.'
          && Character.toLowerCase(text.charAt(i + 1)) == 'w' && Character.toLowerCase(text.charAt(i + 2)) == 'w') {
        return true;
      }
    }
    return false;
  }

  private static final class Factory extends NodePostProcessorFactory {
    Factory() {
      super(false);
      addNodeWithExclusions(Text.class, DoNotDecorate.class, DoNotLinkDecorate.class);
    }

    @Override
    public NodePostProcessor apply(Document document) {
      return new NodePostProcessor() {
        private AutolinkNodePostProcessor links; // costly to make: only for documents with links

        @Override
        public void process(NodeTracker state, Node node) {
          if (mayHoldLink(node.getChars())) {
            if (links == null) {
              links = new AutolinkNodePostProcessor(document);
            }
            links.process(state, node);
          }
        }
      };
    }
  }
}
