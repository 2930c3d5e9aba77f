package press.callback.content.markdown;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email placeholders: {@code {your_name}} renders as {@code <span
 * class="placeholder">{your_name}</span>}, so a reader sees at a glance what to fill in. The
 * braces stay in the text, so copied text keeps them. A name in double braces ({@code
 * {{confirm_url}}}) is left as text: the sender fills it in, and needs it whole.
 */
public final class PlaceholderExtension
    implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
  /** The same names snippets declare in {@code placeholders}. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z][a-z0-9_]*}");

  private PlaceholderExtension() {}

  public static PlaceholderExtension create() {
    return new PlaceholderExtension();
  }

  /** A {@code {name}} in the text. */
  public static final class Placeholder extends Node {
    Placeholder(BasedSequence chars) {
      super(chars);
    }

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }

  @Override
  public void parserOptions(MutableDataHolder options) {}

  @Override
  public void rendererOptions(MutableDataHolder options) {}

  @Override
  public void extend(Parser.Builder builder) {
    builder.customInlineParserExtensionFactory(new ParsingFactory());
  }

  @Override
  public void extend(HtmlRenderer.Builder builder, String rendererType) {
    builder.nodeRendererFactory(options -> new Rendering());
  }

  private static final class ParsingFactory implements InlineParserExtensionFactory {
    @Override
    public CharSequence getCharacters() {
      return "{";
    }

    @Override
    public InlineParserExtension apply(LightInlineParser parser) {
      return new Parsing();
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
      return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return null;
    }

    @Override
    public boolean affectsGlobalScope() {
      return false;
    }
  }

  private static final class Parsing implements InlineParserExtension {
    @Override
    public void finalizeDocument(InlineParser parser) {}

    @Override
    public void finalizeBlock(InlineParser parser) {}

    @Override
    public boolean parse(LightInlineParser parser) {
      BasedSequence input = parser.getInput();
      int at = parser.getIndex();
      Matcher m = PLACEHOLDER.matcher(input).region(at, input.length());
      if (!m.lookingAt()) {
        return false;
      }
      if (at > 0 && input.charAt(at - 1) == '{' && m.end() < input.length() && input.charAt(m.end()) == '}') {
        return false; // {{name}}: a placeholder filled when the email is sent, kept whole as text
      }
      parser.flushTextNode();
      parser.getBlock().appendChild(new Placeholder(input.subSequence(at, m.end())));
      parser.setIndex(m.end());
      return true;
    }
  }

  private static final class Rendering implements NodeRenderer {
    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(new NodeRenderingHandler<>(Placeholder.class, Rendering::render));
    }

    private static void render(Placeholder node, NodeRendererContext context, HtmlWriter html) {
      html.attr("class", "placeholder").withAttr().tag("span");
      html.text(node.getChars().toString());
      html.closeTag("span");
    }
  }
}
