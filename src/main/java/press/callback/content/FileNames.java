package press.callback.content;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import press.callback.diag.Diagnostic;

/**
 * The names of content files and their folders become URLs as they are, so they may hold only
 * what a URL holds unencoded: ASCII letters, digits, '-', '_' and '.'. A space, an accent, '#',
 * '?' or '%' was written to a percent-encoded folder that the site's links did not find.
 */
final class FileNames {
  private FileNames() {}

  /**
   * The problem with the names in {@code contentPath}, if any: the first folder, else the file,
   * holding a character outside the safe set, with the name {@code press new} would make.
   *
   * @param path the file relative to the project, for the diagnostic
   * @param contentPath the file relative to {@code content/}, with {@code /} separators
   */
  static Optional<Diagnostic> problem(String path, String contentPath) {
    String[] segments = contentPath.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String name = segments[i];
      Set<String> bad = unsafe(name);
      if (bad.isEmpty()) {
        continue;
      }
      boolean file = i == segments.length - 1;
      int dot = file ? name.lastIndexOf('.') : -1;
      String base = dot > 0 ? name.substring(0, dot) : name;
      String extension = dot > 0 ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
      String slug = Scaffold.slug(base);
      String hint = slug.isEmpty()
          ? "rename " + (file ? "it" : "the folder") + " with letters a-z, digits and '-', as in my-article" + extension
          : (file ? "rename it to " : "rename the folder to ") + slug + extension;
      String message = (file ? "the file name" : "the folder name '" + name + "'")
          + " has characters a URL cannot hold as is: " + String.join(", ", bad);
      return Optional.of(Diagnostic.error(path, 0, 0, message, hint));
    }
    return Optional.empty();
  }

  /** The characters of {@code name} outside [A-Za-z0-9._-], each once, quoted, in order. */
  private static Set<String> unsafe(String name) {
    Set<String> bad = new LinkedHashSet<>();
    name.codePoints().forEach(c -> {
      boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.';
      if (!safe) {
        bad.add(Character.isISOControl(c) || Character.isWhitespace(c) && c != ' '
            ? String.format(Locale.ROOT, "U+%04X", c)
            : "'" + new String(Character.toChars(c)) + "'");
      }
    });
    return bad;
  }
}
