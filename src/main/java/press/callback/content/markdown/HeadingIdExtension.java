package press.callback.content.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explicit heading ids: {@code ## Skip the voice mail {#step-1}} renders as {@code <h2
 * id="step-1">Skip the voice mail</h2>}, so links to {@code #step-1} survive a reworded heading.
 *
 * <p>Unlike flexmark's attributes extension, it reads nothing else in braces, so email
 * placeholders such as {@code {name}} stay text.
 */
public final class HeadingIdExtension implements Parser.ParserExtension {
  private static final Pattern TRAILING_ID = Pattern.compile("\\s*\\{#([A-Za-z][\\w-]*)}\\s*$");

  private HeadingIdExtension() {}

  public static HeadingIdExtension create() {
    return new HeadingIdExtension();
  }

  @Override
  public void parserOptions(MutableDataHolder options) {}

  @Override
  public void extend(Parser.Builder builder) {
    builder.postProcessorFactory(new Factory());
  }

  private static final class Factory extends NodePostProcessorFactory {
    Factory() {
      super(false);
      addNodes(Heading.class);
    }

    @Override
    public NodePostProcessor apply(Document document) {
      return new IdSetter();
    }
  }

  private static final class IdSetter extends NodePostProcessor {
    @Override
    public void process(NodeTracker state, Node node) {
      if (!(node instanceof Heading heading)) {
        return;
      }
      BasedSequence text = heading.getText();
      Matcher m = TRAILING_ID.matcher(text);
      if (!m.find()) {
        return;
      }
      int cut = text.getStartOffset() + m.start();
      // Drop the "{#id}" from the heading's trailing text nodes.
      Node last = heading.getLastChild();
      while (last instanceof Text t && t.getChars().getEndOffset() > cut) {
        Node previous = last.getPrevious();
        int start = t.getChars().getStartOffset();
        if (start >= cut) {
          last.unlink();
        } else {
          t.setChars(t.getChars().subSequence(0, cut - start).trimEnd());
        }
        last = previous;
      }
      heading.setAnchorRefId(m.group(1));
      heading.setExplicitAnchorRefId(true);
    }
  }
}
