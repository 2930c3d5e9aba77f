package press.callback.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import press.callback.diag.Diagnostic;

/**
 * The checks of one file's front matter that every type shares: a key read as text or as a flag,
 * and the problems found so far, each at its line and column. Collects instead of stopping at the
 * first problem.
 */
final class FrontMatterCheck {
  private final SourceFile source;
  private final Map<String, Field> fields;
  private final List<Diagnostic> problems = new ArrayList<>();

  FrontMatterCheck(SourceFile source) {
    this.source = source;
    this.fields = source.fields();
  }

  /** The field of {@code key}, or {@code null} when the key is not written. */
  Field field(String key) {
    return fields.get(key);
  }

  /** The problems found so far, in the order found. */
  List<Diagnostic> problems() {
    return problems;
  }

  /** Text that must be there and not blank; {@code ""} (and a problem) otherwise. */
  String requiredText(String key, String example) {
    Field field = fields.get(key);
    if (field == null) {
      problem(
          Position.line(1),
          "front matter has no '" + key + "'",
          "add '" + example + "' between the --- lines");
      return "";
    }
    String text = field.value() instanceof String s ? s.strip() : null;
    if (text == null || text.isEmpty()) {
      problem(
          field.value() == null ? field.keyAt() : field.valueAt(),
          field.value() == null || "".equals(text) ? "'" + key + "' is empty" : "'" + key + "' must be text",
          "write '" + example + "'");
      return "";
    }
    return text;
  }

  /** Text, or {@code null} when not set or blank. */
  String optionalText(String key) {
    Field field = fields.get(key);
    if (field == null || field.value() == null) {
      return null;
    }
    if (!(field.value() instanceof String s)) {
      problem(field.valueAt(), "'" + key + "' must be text", "write '" + key + ": …' on one line");
      return null;
    }
    return s.strip().isEmpty() ? null : s.strip();
  }

  /** {@code true} or {@code false}, or null when not set. */
  Boolean flag(String key) {
    Field field = fields.get(key);
    if (field == null || field.value() == null) {
      return null;
    }
    String word = field.value() instanceof String s ? s.strip() : "";
    if (!word.equals("true") && !word.equals("false")) {
      problem(field.valueAt(), "'" + key + "' is true or false, not " + (word.isEmpty() ? "a list or map" : word),
          "write '" + key + ": true' to keep the page out of search engines, the sitemap and the site's search");
      return null;
    }
    return Boolean.valueOf(word);
  }

  /** A problem for every key not in {@code known}, with the closest known one as a hint. */
  void unknownKeys(Set<String> known, String type) {
    for (Field field : fields.values()) {
      if (known.contains(field.key())) {
        continue;
      }
      String near = Spelling.closest(field.key(), known);
      problem(
          field.keyAt(),
          "unknown key '" + field.key() + "' for a " + type,
          (near != null ? "did you mean '" + near + "'? " : "")
              + "valid keys: " + String.join(", ", known.stream().sorted().toList()));
    }
  }

  void problem(Position at, String message, String hint) {
    problems.add(
        Diagnostic.error(source.path(), at.line(), at.column(), message, hint)
            .withSourceLine(source.line(at.line())));
  }
}
