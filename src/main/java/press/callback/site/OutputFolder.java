package press.callback.site;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Bakes into a temporary folder beside the output and swaps it in only when the bake succeeded,
 * so a failed bake leaves the previous site as it was.
 */
final class OutputFolder {
  private final Path output;
  private final Path staging;

  private OutputFolder(Path output, Path staging) {
    this.output = output;
    this.staging = staging;
  }

  /** Creates an empty staging folder next to {@code output} (same file system, so moves are cheap). */
  static OutputFolder stage(Path output) throws IOException {
    Path absolute = output.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".baking-");
    return new OutputFolder(absolute, staging);
  }

  Path staging() {
    return staging;
  }

  /** How many files the staging folder holds. */
  int countFiles() throws IOException {
    try (var files = Files.walk(staging)) {
      return (int) files.filter(Files::isRegularFile).count();
    }
  }

  /** Replaces the output with the staging folder. */
  void commit() throws IOException {
    Path old = null;
    if (Files.exists(output)) {
      old = output.resolveSibling("." + output.getFileName() + ".old-" + staging.getFileName());
      move(output, old);
    }
    try {
      move(staging, output);
    } catch (IOException e) {
      if (old != null) {
        move(old, output); // put the previous site back
      }
      throw e;
    }
    if (old != null) {
      delete(old);
    }
  }

  /** Deletes the staging folder if it was not committed; the output is untouched. */
  void discard() {
    if (!Files.exists(staging)) {
      return;
    }
    try {
      delete(staging);
    } catch (IOException e) {
      // A leftover hidden folder is harmless; the next bake uses a new one.
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
