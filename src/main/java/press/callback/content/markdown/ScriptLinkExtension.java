package press.callback.content.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.DocumentPostProcessor;
import com.vladsch.flexmark.parser.block.DocumentPostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Links and images whose address would run script — {@code javascript:}, {@code vbscript:}, or
 * {@code data:} (but for images, {@code data:image/…}) — become their text, as a browser reads
 * the address: whatever the case, with entities and escapes resolved, tabs and line breaks
 * removed and leading spaces and control characters dropped. flexmark's own suppression matches
 * {@code javascript:} as written, in lower case only.
 *
 * <p>It changes the syntax tree, so flexmark's renderer and {@link
 * press.callback.content.markdown.internal.DirectHtmlWriter} write the same HTML. Raw HTML is left
 * as it is (the content lint and the email gate report it).
 */
public final class ScriptLinkExtension implements Parser.ParserExtension {
  private static final List<String> SCRIPT_SCHEMES = List.of("javascript:", "vbscript:", "data:");

  private ScriptLinkExtension() {}

  public static ScriptLinkExtension create() {
    return new ScriptLinkExtension();
  }

  @Override
  public void parserOptions(MutableDataHolder options) {}

  @Override
  public void extend(Parser.Builder builder) {
    builder.postProcessorFactory(new Factory());
  }

  /**
   * Whether a browser would run {@code url} (as written in the Markdown, escapes resolved) as
   * script, in a link or, with {@code image}, in an image.
   */
  public static boolean isScript(CharSequence url, boolean image) {
    StringBuilder scheme = new StringBuilder(16);
    for (int i = 0; i < url.length() && scheme.length() < 16; i++) {
      char c = url.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r' || (scheme.length() == 0 && c <= ' ')) {
        continue; // a URL parser removes tabs and line breaks, and drops leading C0 and spaces
      }
      scheme.append(Character.toLowerCase(c));
      if (c == ':') {
        break;
      }
    }
    String s = scheme.toString();
    for (String script : SCRIPT_SCHEMES) {
      if (s.equals(script)) {
        return !(image && script.equals("data:") && isDataImage(url));
      }
    }
    return false;
  }

  private static boolean isDataImage(CharSequence url) {
    String u = url.toString().replaceAll("[\\t\\n\\r]", "").strip().toLowerCase(Locale.ROOT);
    return u.startsWith("data:image/");
  }

  private static final class Factory extends DocumentPostProcessorFactory {
    @Override
    public DocumentPostProcessor apply(Document document) {
      return new DocumentPostProcessor() {
        @Override
        public Document processDocument(Document doc) {
          for (Node node : DocumentNodes.ofClasses(doc, LINKS)) {
            if (node instanceof Link link) {
              if (isScript(link.getUrl(), false)) {
                unwrap(link);
              }
            } else if (node instanceof Image image) {
              if (isScript(image.getUrl(), true)) {
                unwrap(image);
              }
            } else if (node instanceof RefNode ref) {
              Reference target = ref.isDefined() ? ref.getReferenceNode(doc) : null;
              if (target != null && isScript(target.getUrl(), ref instanceof ImageRef)) {
                unwrap(ref);
              }
            } else if (node instanceof AutoLink link && isScript(link.getUrl(), false)) {
              link.insertBefore(new Text(link.getText()));
              link.unlink();
            }
          }
          return doc;
        }
      };
    }
  }

  private static final Set<Class<?>> LINKS =
      Set.of(Link.class, Image.class, LinkRef.class, ImageRef.class, AutoLink.class);

  /** {@link #isScript(CharSequence, boolean)} of an address as written: unescaped only if it has to be. */
  private static boolean isScript(BasedSequence written, boolean image) {
    boolean escaped = written.indexOf('&') >= 0 || written.indexOf('\\') >= 0;
    return isScript(escaped ? written.unescape() : written, image);
  }

  /** Puts a node's children (its text) in its place. */
  private static void unwrap(Node node) {
    Node child = node.getFirstChild();
    while (child != null) {
      Node next = child.getNext();
      node.insertBefore(child);
      child = next;
    }
    node.unlink();
  }
}
