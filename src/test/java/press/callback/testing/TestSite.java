package press.callback.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import press.callback.site.jbake.JbakeHost;
import press.callback.site.SiteBaker;

/**
 * Test projects: a fixture's content (from {@code src/test/resources/sites/<name>/}) with the
 * project's real {@code jbake.properties}, {@code templates/} and {@code assets/}, so tests bake
 * what authors bake.
 */
public final class TestSite {
  /** The build date of every test bake. */
  public static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

  /**
   * JBake as the tests host it: one for the test JVM, as {@code press} has one per process (its
   * registries are JBake's static fields; this host lets one bake at a time use them).
   */
  public static final JbakeHost JBAKE = new JbakeHost();

  private TestSite() {}

  /** Copies fixture {@code name} and the project's templates into {@code folder}. */
  public static Path create(Path folder, String name) {
    Path project = folder.resolve(name);
    copyTree(Path.of("src", "test", "resources", "sites", name), project);
    copyTree(Path.of("templates"), project.resolve("templates"));
    copyTree(Path.of("assets"), project.resolve("assets"));
    copy(Path.of("jbake.properties"), project.resolve("jbake.properties"));
    return project;
  }

  /** Copies fixture {@code name} alone (its own templates) to {@code project}. */
  public static void copyFixture(String name, Path project) {
    copyTree(Path.of("src", "test", "resources", "sites", name), project);
  }

  /** Bakes {@code project} into {@code output} on {@link #TODAY}. */
  public static SiteBaker.Result bake(Path project, Path output) {
    return new SiteBaker(JBAKE, step -> {}).bake(new SiteBaker.Request(project, output, TODAY));
  }

  /** Parses an HTML file of a baked site. */
  public static Document html(Path site, String path) {
    try {
      return Jsoup.parse(site.resolve(path).toFile(), "UTF-8", "https://callback.press/" + path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file under {@code root} (relative path → SHA-256), to compare whole trees. */
  public static Map<String, String> tree(Path root) {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString(), sha256(Files.readAllBytes(p)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file under {@code root} with the extension, relative, sorted. */
  public static List<String> files(Path root, String extension) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .filter(p -> p.endsWith(extension))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
