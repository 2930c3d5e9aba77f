package press.callback.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A content file split into its front matter and its body.
 *
 * @param path the file relative to the project, for diagnostics ({@code content/about.md})
 * @param header how the front matter was written
 * @param fields the front matter keys, in the order written
 * @param body the text after the front matter
 * @param bodyLine the 1-based line where the body starts
 * @param text the whole file (without a byte order mark), to quote lines from in diagnostics
 */
public record SourceFile(
    String path,
    Header header,
    Map<String, Field> fields,
    String body,
    int bodyLine,
    String text) {

  /** How a file's front matter is written. */
  public enum Header {
    /** YAML between {@code ---} lines, as in Jekyll and Hugo. */
    YAML,
    /** JBake's {@code key=value} lines ended by {@code ~~~~~~}. */
    JBAKE,
    /** No front matter at all. */
    NONE
  }

  public SourceFile {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The text of a 1-based line, or empty if out of range (split when asked: only diagnostics ask). */
  public String line(int n) {
    List<String> lines = FrontMatterParser.splitLines(text);
    return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
  }
}
