package press.callback.site;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import press.callback.diag.Diagnostic;

/**
 * Finds symbolic links in the sources that lead out of the project. JBake and the asset copy
 * follow links, so a link in {@code content/} or {@code assets/} to {@code /etc} would publish
 * what it points at; such a link is an error, and nothing is baked. Links that stay inside the
 * project are followed as before (a link to a folder is searched too, once).
 */
final class SourceLinks {
  private SourceLinks() {}

  /** An error for each link under {@code folders} whose real path is outside {@code root}. */
  static List<Diagnostic> outside(Path root, Collection<Path> folders) {
    Path realRoot = OutputGuard.real(root);
    List<Diagnostic> found = new ArrayList<>();
    Set<Path> searched = new HashSet<>();
    Deque<Path> todo = new ArrayDeque<>(folders);
    while (!todo.isEmpty()) {
      Path folder = todo.pop();
      if (!Files.isDirectory(folder) || !searched.add(OutputGuard.real(folder))) {
        continue;
      }
      try {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isSymbolicLink()) {
              Optional<Diagnostic> d = check(root, realRoot, file);
              if (d.isPresent()) {
                found.add(d.get());
              } else if (Files.isDirectory(file)) {
                todo.add(OutputGuard.real(file)); // inside the project: what it holds may link out
              }
            }
            return FileVisitResult.CONTINUE;
          }
        });
      } catch (IOException e) {
        found.add(Diagnostic.error(relative(root, folder), 0, 0, "cannot read the folder: " + e.getMessage(),
            "check its permissions"));
      }
    }
    return found;
  }

  /** An error if {@code file} (a source file about to be read or copied) really lies outside the project. */
  static Optional<Diagnostic> check(Path root, Path file) {
    return check(root, OutputGuard.real(root), file);
  }

  private static Optional<Diagnostic> check(Path root, Path realRoot, Path file) {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    Path real;
    try {
      real = file.toRealPath();
    } catch (IOException e) {
      return Optional.empty(); // a link that leads nowhere publishes nothing (editors' lock files are such links)
    }
    if (real.startsWith(realRoot)) {
      return Optional.empty();
    }
    return Optional.of(Diagnostic.error(relative(root, file), 0, 0,
        "symbolic link to " + real + ", outside the project: it would be published",
        "copy what it should show into the project, or remove the link"));
  }

  private static String relative(Path root, Path file) {
    Path absolute = root.toAbsolutePath().normalize();
    Path f = file.toAbsolutePath().normalize();
    return (f.startsWith(absolute) ? absolute.relativize(f) : f).toString().replace(File.separatorChar, '/');
  }
}
