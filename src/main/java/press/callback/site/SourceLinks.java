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
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import press.callback.diag.Diagnostic;

/**
 * Checks the symbolic links in the sources. JBake and the asset copy follow links, so a link in
 * {@code content/} or {@code assets/} to {@code /etc} would publish what it points at, a link to
 * {@code .press/} the send ledgers with their addresses, and a link to {@code ..} the whole
 * project, copies of the copy included, until the disk is full. So a link may lead only into the
 * project's source folders (content, templates, assets, data), and never back to a folder that
 * holds it; any other is an error, and nothing is baked. A link to a folder is searched too, once.
 */
final class SourceLinks {
  private SourceLinks() {}

  /** An error for each link under {@code sources} that leads out of them, or loops. */
  static List<Diagnostic> check(Path root, List<Path> sources) {
    List<Path> allowed = sources.stream().map(OutputGuard::real).toList();
    List<Diagnostic> found = new ArrayList<>();
    Set<Path> searched = new HashSet<>();
    Deque<Path> todo = new ArrayDeque<>(sources);
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
              Optional<Diagnostic> d = problem(root, allowed, file);
              if (d.isPresent()) {
                found.add(d.get());
              } else if (Files.isDirectory(file)) {
                todo.add(OutputGuard.real(file)); // what it holds may link out
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

  /** An error if {@code file} (a source file about to be read or copied) is a link the bake refuses. */
  static Optional<Diagnostic> check(Path root, List<Path> sources, Path file) {
    return problem(root, sources.stream().map(OutputGuard::real).toList(), file);
  }

  private static Optional<Diagnostic> problem(Path root, List<Path> allowed, Path file) {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    Path real;
    try {
      real = file.toRealPath();
    } catch (IOException e) {
      return Optional.empty(); // a link that leads nowhere publishes nothing (editors' lock files are such links)
    }
    Path parent = OutputGuard.real(file.toAbsolutePath().normalize().getParent());
    if (Files.isDirectory(real) && parent.startsWith(real)) {
      return Optional.of(Diagnostic.error(relative(root, file), 0, 0,
          "symbolic link to " + real + ", a folder that holds the link: copying it would never end",
          "remove the link"));
    }
    if (allowed.stream().anyMatch(real::startsWith)) {
      return Optional.empty();
    }
    boolean inProject = real.startsWith(OutputGuard.real(root));
    return Optional.of(Diagnostic.error(relative(root, file), 0, 0,
        "symbolic link to " + real + (inProject
            ? ", outside the project's content, templates, assets and data: it would be published"
            : ", outside the project: it would be published"),
        "copy what it should show into the project's sources, or remove the link"));
  }

  private static String relative(Path root, Path file) {
    Path absolute = root.toAbsolutePath().normalize();
    Path f = file.toAbsolutePath().normalize();
    return (f.startsWith(absolute) ? absolute.relativize(f) : f).toString().replace(File.separatorChar, '/');
  }
}
