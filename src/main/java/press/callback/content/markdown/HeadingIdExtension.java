package press.callback.content.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.DocumentPostProcessor;
import com.vladsch.flexmark.parser.block.DocumentPostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Explicit heading ids: {@code ## Skip the voice mail {#step-1}} renders as {@code <h2
 * id="step-1">Skip the voice mail</h2>}, so links to {@code #step-1} survive a reworded heading.
 *
 * <p>Unlike flexmark's attributes extension, it reads nothing else in braces, so email
 * placeholders such as {@code {name}} stay text.
 */
public final class HeadingIdExtension implements Parser.ParserExtension {
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

  /**
   * A heading's explicit id.
   *
   * @param start where the {@code {#id}} and the whitespace before it start in the heading
   * @param id the id
   */
  record TrailingId(int start, String id) {}

  /**
   * The {@code {#id}} at the end of a heading's text (whitespace around it allowed), or {@code
   * null}: what the pattern {@code \s*\{#([A-Za-z][\w-]*)}\s*$} finds, read backwards from
   * the end. The pattern, tried at each position, cost a heading the square of its longest run
   * of whitespace.
   */
  static TrailingId trailingId(CharSequence text) {
    int end = text.length();
    // '$' also matches before a line terminator that ends the text; \n and \r are whitespace.
    if (end > 0 && isLineTerminatorOnly(text.charAt(end - 1))) {
      end--;
    }
    while (end > 0 && isRegexSpace(text.charAt(end - 1))) {
      end--;
    }
    if (end == 0 || text.charAt(end - 1) != '}') {
      return null;
    }
    int idEnd = end - 1;
    int idStart = idEnd;
    while (idStart > 0 && isIdChar(text.charAt(idStart - 1))) {
      idStart--;
    }
    if (idStart == idEnd || idStart < 2 || text.charAt(idStart - 1) != '#' || text.charAt(idStart - 2) != '{'
        || !isAsciiLetter(text.charAt(idStart))) {
      return null;
    }
    int start = idStart - 2;
    while (start > 0 && isRegexSpace(text.charAt(start - 1))) {
      start--;
    }
    return new TrailingId(start, text.subSequence(idStart, idEnd).toString());
  }

  /** Line terminators of {@link java.util.regex.Pattern} that are not {@code \s}. */
  private static boolean isLineTerminatorOnly(char c) {
    return c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /** {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** {@code [\w-]}. */
  private static boolean isIdChar(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static final class Factory extends DocumentPostProcessorFactory {
    @Override
    public DocumentPostProcessor apply(Document document) {
      return new IdSetter();
    }
  }

  /** Run as a document post-processor ({@link DocumentNodes} says why). */
  private static final class IdSetter extends DocumentPostProcessor {
    @Override
    public Document processDocument(Document doc) {
      for (Heading heading : DocumentNodes.ofClass(doc, Heading.class)) {
        if (heading.getParent() != null) {
          setId(heading);
        }
      }
      return doc;
    }

    private static void setId(Heading heading) {
      BasedSequence text = heading.getText();
      TrailingId found = trailingId(text);
      if (found == null) {
        return;
      }
      int cut = text.getStartOffset() + found.start();
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
      heading.setAnchorRefId(found.id());
      heading.setExplicitAnchorRefId(true);
    }
  }
}
