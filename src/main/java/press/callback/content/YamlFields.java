package press.callback.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;

/**
 * Turns a YAML mapping into fields, keeping positions. Lines are offset by the '---' line.
 *
 * <p>snakeyaml-engine composes nodes recursively and has no nesting limit: collections nested
 * more than {@link #MAX_DEPTH} deep are refused as the parser meets them, before the composer's
 * recursion gets there.
 */
final class YamlFields {
  private static final int FIRST_YAML_LINE = 2;
  /** Front matter needs two or three levels; a few thousand overflow the composer's stack. */
  static final int MAX_DEPTH = 50;
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
      YamlDepthLimit events = new YamlDepthLimit(new ParserImpl(settings, new StreamReader(settings, yaml)));
      root = new Composer(settings, events).getSingleNode();
    } catch (YamlDepthLimit.TooDeep e) {
      throw new ContentException(
          error(
              e.at.map(this::position).orElse(Position.line(1)),
              String.format(
                  java.util.Locale.ROOT,
                  "front matter is nested too deeply (%s%,d levels; at most %d)",
                  e.complete ? "" : "at least ",
                  e.levels,
                  MAX_DEPTH),
              "keep to 'key: value' lines and short lists such as 'tags: [email, follow-up]'"));
    } catch (MarkedYamlEngineException e) {
      if (e.getContext() != null && e.getContext().contains("quoted scalar")) {
        Optional<Position> open = unclosedQuote(yaml);
        if (open.isPresent()) {
          throw new ContentException(error(open.get(),
              "this value's quote is never closed on its line, so the lines after it became part of it",
              "end the value with the same quote it starts with, or leave the quotes out"));
        }
      }
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
      Object value;
      try {
        value = toValue(valueNode, new ArrayList<>());
      } catch (ContainsItself e) {
        problems.add(
            error(
                start(e.node),
                "front matter contains itself: &" + e.anchor + " holds the alias *" + e.anchor,
                "write the value out instead of the alias"));
        continue;
      }
      fields.put(key, new Field(key, value, keyAt, start(valueNode), itemsAt));
    }
    if (!problems.isEmpty()) {
      throw new ContentException(problems);
    }
    return fields;
  }

  /**
   * The value of a node; {@code path} holds the collections it is inside, to catch an alias to
   * one of them (a value that contains itself has no end).
   */
  private Object toValue(Node node, List<Node> path) {
    if (node instanceof ScalarNode scalar) {
      return isNull(scalar) ? null : scalar.getValue();
    }
    for (Node outer : path) {
      if (outer == node) {
        throw new ContainsItself(node);
      }
    }
    path.add(node);
    Object value;
    if (node instanceof SequenceNode seq) {
      List<Object> items = new ArrayList<>();
      for (Node n : seq.getValue()) {
        items.add(toValue(n, path));
      }
      value = items;
    } else {
      MappingNode map = (MappingNode) node;
      Map<String, Object> out = new LinkedHashMap<>();
      for (NodeTuple t : map.getValue()) {
        Object k = toValue(t.getKeyNode(), path);
        out.put(String.valueOf(k), toValue(t.getValueNode(), path));
      }
      value = out;
    }
    path.remove(path.size() - 1);
    return value;
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }

  private Position start(Node node) {
    return node.getStartMark().map(this::position).orElse(Position.line(1));
  }

  /**
   * The first {@code key: "value} line whose quote is not closed on the line: what a reader of a
   * failed quoted scalar means, since the scanner pairs that quote with one lines below and fails
   * there (or at the end). Front matter values are one line each; a quoted value spanning lines
   * parses, and is not looked for unless the parse failed.
   */
  private static Optional<Position> unclosedQuote(String yaml) {
    String[] rows = yaml.split("\n", -1);
    for (int i = 0; i < rows.length; i++) {
      java.util.regex.Matcher m = QUOTED_VALUE.matcher(rows[i]);
      if (m.find() && !closes(rows[i], m.end() - 1)) {
        return Optional.of(new Position(i + FIRST_YAML_LINE, m.end()));
      }
    }
    return Optional.empty();
  }

  private static final java.util.regex.Pattern QUOTED_VALUE =
      java.util.regex.Pattern.compile("^\\s*(?:-\\s+)?[A-Za-z0-9_-]+:\\s+[\"']");

  /** Whether the quote at {@code open} is closed later on the line (\\" and '' are escapes). */
  private static boolean closes(String line, int open) {
    char q = line.charAt(open);
    for (int i = open + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (q == '"' && c == '\\') {
        i++;
      } else if (c == q) {
        if (q == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
          i++;
        } else {
          return true;
        }
      }
    }
    return false;
  }

  private Position position(Mark mark) {
    return new Position(mark.getLine() + FIRST_YAML_LINE, mark.getColumn() + 1);
  }

  private Diagnostic error(Position at, String message, String hint) {
    String source = at.line() >= 1 && at.line() <= lines.size() ? lines.get(at.line() - 1) : "";
    return Diagnostic.error(path, at.line(), at.column(), message, hint).withSourceLine(source);
  }

  /** A collection that holds an alias to itself (or to a collection it is inside). */
  private static final class ContainsItself extends RuntimeException {
    final transient Node node;
    final String anchor;

    ContainsItself(Node node) {
      super(null, null, false, false);
      this.node = node;
      this.anchor = node.getAnchor().map(a -> a.getValue()).orElse("?");
    }
  }
}
