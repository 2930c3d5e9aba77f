package press.callback.cli;

import java.nio.file.Path;

/** How a path is shown to the user: relative to the working folder when inside it, else absolute. */
final class Shown {
  private Shown() {}

  static String path(Path p) {
    Path full = p.toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath().normalize();
    if (full.equals(here)) {
      return ".";
    }
    return full.startsWith(here) ? here.relativize(full).toString() : full.toString();
  }
}
