package press.callback.content;

import java.util.List;

/**
 * One key of a file's front matter with where it was written.
 *
 * @param key the key as written
 * @param value a {@code String} (scalar text), {@code null} (empty), a {@code List<Object>} of
 *     scalars or lists, or a {@code Map<String, Object>}
 * @param keyAt where the key starts
 * @param valueAt where the value starts
 * @param itemsAt where each item of a list value starts (empty for other values)
 */
public record Field(
    String key, Object value, Position keyAt, Position valueAt, List<Position> itemsAt) {

  public Field {
    itemsAt = List.copyOf(itemsAt);
  }

  /** Position of the {@code i}-th list item, or of the value if unknown. */
  public Position itemAt(int i) {
    return i < itemsAt.size() ? itemsAt.get(i) : valueAt;
  }
}
