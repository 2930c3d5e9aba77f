package press.callback.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;

/**
 * Splits a content file into front matter and body. Reads YAML between {@code ---} lines and
 * JBake's own {@code key=value} header ended by a separator line (by default {@code ~~~~~~}).
 *
 * <p>YAML is composed into nodes (not loaded into objects) so that every key and value keeps the
 * line and column it was written at, for diagnostics.
 */
public final class FrontMatterParser {
  private static final String YAML_FENCE = "---";
  private static final String BOM = "\uFEFF";
  /** The front matter of one file is small; a huge one is a mistake, not content. */
  private static final int MAX_YAML_CHARS = 64 * 1024;

  private final String jbakeSeparator;

  /** A parser that also accepts JBake headers ended by {@code jbakeSeparator}. */
  public FrontMatterParser(String jbakeSeparator) {
    this.jbakeSeparator = jbakeSeparator;
  }

  /** A parser for JBake's default separator {@code ~~~~~~}. */
  public FrontMatterParser() {
    this("~~~~~~");
  }

  /**
   * Parses one file's text.
   *
   * @param path the file relative to the project, used in diagnostics
   * @param text the whole file
   * @throws ContentException if the front matter cannot be read
   */
  public SourceFile parse(String path, String text) throws ContentException {
    if (text.startsWith(BOM)) {
      text = text.substring(1);
    }
    List<String> lines = splitLines(text);
    boolean endsWithNewline = text.endsWith("\n");
    if (!lines.isEmpty() && lines.get(0).strip().equals(YAML_FENCE)) {
      return parseYaml(path, lines, endsWithNewline);
    }
    int separator = jbakeSeparatorLine(lines);
    if (separator >= 0) {
      return parseJbake(path, lines, separator, endsWithNewline);
    }
    return new SourceFile(path, SourceFile.Header.NONE, Map.of(), text, 1, lines);
  }

  private SourceFile parseYaml(String path, List<String> lines, boolean endsWithNewline)
      throws ContentException {
    int close = -1;
    for (int i = 1; i < lines.size(); i++) {
      String l = lines.get(i).stripTrailing();
      if (l.equals(YAML_FENCE) || l.equals("...")) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      throw new ContentException(
          Diagnostic.error(
                  path,
                  1,
                  1,
                  "front matter opened with '---' is never closed",
                  "add a line with just '---' after the last front matter line")
              .withSourceLine(lines.get(0)));
    }
    String yaml = String.join("\n", lines.subList(1, close));
    if (yaml.length() > MAX_YAML_CHARS) {
      throw new ContentException(
          Diagnostic.error(
              path,
              1,
              1,
              "front matter is larger than " + MAX_YAML_CHARS / 1024 + " KB",
              "keep only short fields between the '---' lines; move long text into the body"));
    }
    Map<String, Field> fields = new YamlFields(path, lines).read(yaml);
    String body = joinFrom(lines, close + 1, endsWithNewline);
    return new SourceFile(path, SourceFile.Header.YAML, fields, body, close + 2, lines);
  }

  /** Returns the index of JBake's header separator, if the lines above it form a header. */
  private int jbakeSeparatorLine(List<String> lines) {
    int index = lines.indexOf(jbakeSeparator);
    if (index < 0) {
      return -1;
    }
    for (String line : lines.subList(0, index)) {
      if (!line.isEmpty() && !line.contains("=")) {
        return -1;
      }
    }
    return index;
  }

  private SourceFile parseJbake(
      String path, List<String> lines, int separator, boolean endsWithNewline) {
    Map<String, Field> fields = new LinkedHashMap<>();
    for (int i = 0; i < separator; i++) {
      String line = lines.get(i);
      int eq = line.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = line.substring(0, eq).strip();
      String raw = line.substring(eq + 1);
      String value = raw.strip();
      Position keyAt = new Position(i + 1, indexOfNonSpace(line, 0) + 1);
      Position valueAt = new Position(i + 1, indexOfNonSpace(line, eq + 1) + 1);
      if (key.equals("tags")) {
        List<Object> tags = new ArrayList<>();
        List<Position> at = new ArrayList<>();
        int offset = eq + 1;
        for (String part : raw.split(",", -1)) {
          tags.add(part.strip());
          at.add(new Position(i + 1, indexOfNonSpace(line, offset) + 1));
          offset += part.length() + 1;
        }
        fields.put(key, new Field(key, tags, keyAt, valueAt, at));
      } else {
        fields.put(key, new Field(key, value, keyAt, valueAt, List.of()));
      }
    }
    String body = joinFrom(lines, separator + 1, endsWithNewline);
    return new SourceFile(path, SourceFile.Header.JBAKE, fields, body, separator + 2, lines);
  }

  private static int indexOfNonSpace(String s, int from) {
    int i = from;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return Math.min(i, s.length());
  }

  static List<String> splitLines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines.add(stripCr(text.substring(start, i)));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(stripCr(text.substring(start)));
    }
    return lines;
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static String joinFrom(List<String> lines, int from, boolean endsWithNewline) {
    if (from >= lines.size()) {
      return "";
    }
    String body = String.join("\n", lines.subList(from, lines.size()));
    return endsWithNewline ? body + "\n" : body;
  }

  /** Turns a YAML mapping into fields, keeping positions. Lines are offset by the '---' line. */
  private static final class YamlFields {
    private static final int FIRST_YAML_LINE = 2;
    private final String path;
    private final List<String> lines;

    YamlFields(String path, List<String> lines) {
      this.path = path;
      this.lines = lines;
    }

    Map<String, Field> read(String yaml) throws ContentException {
      LoadSettings settings =
          LoadSettings.builder()
              .setLabel(path)
              .setAllowDuplicateKeys(false)
              .setMaxAliasesForCollections(10)
              .setAllowRecursiveKeys(false)
              .build();
      Optional<Node> root;
      try {
        root = new Compose(settings).composeString(yaml);
      } catch (MarkedYamlEngineException e) {
        // An unclosed quote or bracket is found at the end; where it was opened helps more.
        boolean atEnd = e.getProblemMark().map(m -> m.getIndex() >= yaml.length()).orElse(true);
        Position at =
            (atEnd ? e.getContextMark() : e.getProblemMark())
                .or(e::getProblemMark)
                .map(this::position)
                .orElse(Position.line(1));
        String context = "";
        if (e.getContext() != null) {
          Position opened = e.getContextMark().map(this::position).orElse(at);
          context =
              e.getContext()
                  + (opened.line() != at.line() ? " started on line " + opened.line() : "")
                  + ": ";
        }
        throw new ContentException(
            error(
                at,
                "front matter is not valid YAML: " + context + e.getProblem(),
                "check quoting and indentation here; put values containing ': ' or starting"
                    + " with [ { & * # | > @ or ` in double quotes"));
      } catch (YamlEngineException e) {
        throw new ContentException(
            error(
                Position.line(1),
                "front matter is not valid YAML: " + e.getMessage(),
                "write one 'key: value' per line between the '---' lines"));
      }
      if (root.isEmpty() || isNull(root.get())) {
        return Map.of();
      }
      if (!(root.get() instanceof MappingNode mapping)) {
        throw new ContentException(
            error(
                start(root.get()),
                "front matter must be 'key: value' lines",
                "write for example 'title: My article' between the '---' lines"));
      }
      Map<String, Field> fields = new LinkedHashMap<>();
      List<Diagnostic> problems = new ArrayList<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        Position keyAt = start(keyNode);
        if (!(keyNode instanceof ScalarNode scalarKey)) {
          problems.add(
              error(keyAt, "front matter keys must be plain words", "write 'key: value'"));
          continue;
        }
        String key = scalarKey.getValue();
        Field earlier = fields.get(key);
        if (earlier != null) {
          problems.add(
              error(
                  keyAt,
                  "'" + key + "' is set twice (first on line " + earlier.keyAt().line() + ")",
                  "keep one '" + key + ":' line and delete the other"));
          continue;
        }
        Node valueNode = tuple.getValueNode();
        List<Position> itemsAt = new ArrayList<>();
        if (valueNode instanceof SequenceNode seq) {
          seq.getValue().forEach(n -> itemsAt.add(start(n)));
        }
        fields.put(key, new Field(key, toValue(valueNode), keyAt, start(valueNode), itemsAt));
      }
      if (!problems.isEmpty()) {
        throw new ContentException(problems);
      }
      return fields;
    }

    private Object toValue(Node node) {
      if (node instanceof ScalarNode scalar) {
        return isNull(scalar) ? null : scalar.getValue();
      }
      if (node instanceof SequenceNode seq) {
        List<Object> items = new ArrayList<>();
        for (Node n : seq.getValue()) {
          items.add(toValue(n));
        }
        return items;
      }
      MappingNode map = (MappingNode) node;
      Map<String, Object> out = new LinkedHashMap<>();
      for (NodeTuple t : map.getValue()) {
        Object k = toValue(t.getKeyNode());
        out.put(String.valueOf(k), toValue(t.getValueNode()));
      }
      return out;
    }

    private static boolean isNull(Node node) {
      return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private Position start(Node node) {
      return node.getStartMark().map(this::position).orElse(Position.line(1));
    }

    private Position position(Mark mark) {
      return new Position(mark.getLine() + FIRST_YAML_LINE, mark.getColumn() + 1);
    }

    private Diagnostic error(Position at, String message, String hint) {
      String source = at.line() >= 1 && at.line() <= lines.size() ? lines.get(at.line() - 1) : "";
      return Diagnostic.error(path, at.line(), at.column(), message, hint).withSourceLine(source);
    }
  }
}
