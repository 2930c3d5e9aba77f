package press.callback.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden files: compares a whole output with the expected file next to its input. Run with
 * {@code -Dgolden.update=true} to rewrite the expected files; the git diff is the review.
 */
public final class Golden {
  private Golden() {}

  /** Whether this run rewrites expected files instead of comparing. */
  public static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  /** The source folder of test resources (not target/test-classes), so updates land in git. */
  public static Path resources(String folder) {
    return Path.of("src", "test", "resources", folder);
  }

  /** Compares {@code actual} with the file, or rewrites the file when updating. */
  public static void check(Path expectedFile, String actual) {
    try {
      if (updating()) {
        Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(expectedFile).as("expected file (run with -Dgolden.update=true to create it)").exists();
      assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual, expectedFile.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The inputs with {@code inputExt} in a folder; fails on an empty folder and orphan outputs. */
  public static List<Path> cases(Path folder, String inputExt, String outputExt) {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> all = files.sorted().toList();
      List<Path> inputs = all.stream().filter(p -> p.toString().endsWith(inputExt)).toList();
      assertThat(inputs).as("test cases in " + folder).isNotEmpty();
      for (Path p : all) {
        if (p.toString().endsWith(outputExt)) {
          String name = p.getFileName().toString();
          Path input = p.resolveSibling(name.substring(0, name.length() - outputExt.length()) + inputExt);
          assertThat(input).as("input for orphan expected file " + p).exists();
        }
      }
      return inputs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
