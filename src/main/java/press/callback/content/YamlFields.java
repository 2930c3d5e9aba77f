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

/** Turns a YAML mapping into fields, keeping positions. Lines are offset by the '---' line. */
final class YamlFields {
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
