package press.callback.newsletter;

import freemarker.cache.FileTemplateLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import press.callback.content.Catalog;
import press.callback.content.CatalogBuilder;
import press.callback.content.Document;
import press.callback.content.DocumentReader;
import press.callback.content.FrontMatterParser;
import press.callback.content.ListEmail;
import press.callback.content.ListEmailReader;
import press.callback.content.UriScheme;
import press.callback.diag.ContentException;

/**
 * Emails built straight from content files, without a bake: a fixture's articles, tips and
 * snippets read into a catalog, the issues assembled, and the project's real {@code templates/}
 * and {@code assets/css/email.css} with its settings pinned here (as {@code jbake.properties} has
 * them; the bake's own emails are compared with another build's by {@code bench/identical.sh}).
 */
final class EmailFixture {
  /** The build date of every email built here. */
  static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  static final String HOST = "https://callback.press";
  /** The project's newsletter settings ({@code newsletter.*} in {@code jbake.properties}). */
  static final EmailSettings SETTINGS = new EmailSettings(
      HOST,
      "Callback Press Weekly",
      "Callback Press <weekly@callback.press>",
      "Callback Press <hello@callback.press>",
      "weekly.callback.press",
      "https://list.callback.press/u/{{token}}",
      "mailto:unsubscribe@callback.press?subject=unsubscribe%20{{token}}",
      "Callback Press, 100 Example Street, Suite 4, Springfield, IL 62701, USA",
      LocalTime.of(8, 0),
      ZoneId.of("UTC"));
  /** The settings the email templates read as {@code config.*}. */
  static final Map<String, Object> CONFIG = Map.of(
      "site_title", "Callback Press", "site_locale", "en-US", "newsletter_name", "Callback Press Weekly");
  private static final List<String> STEPS = List.of(
      "Skip the voice mail", "Find the email address", "Write a short, compelling email",
      "Build the back-and-forth", "Book the call by email");

  private EmailFixture() {}

  /** The project's email templates, read from {@code templates/}. */
  static EmailTemplates templates() {
    try {
      return new EmailTemplates(new FileTemplateLoader(Path.of("templates").toFile()),
          new EmailTemplates.Settings("templates", "UTF-8", "UTF-8", Locale.forLanguageTag("en-US"),
              SETTINGS.zone(), HOST, CONFIG));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A builder with the project's templates and stylesheet, whose templates see {@code catalog};
   * images are sized by {@code widths}.
   */
  static EmailBuilder builder(Catalog catalog, Function<String, OptionalInt> widths) {
    return new EmailBuilder(SETTINGS, read(Path.of("assets/css/email.css")), templates(), catalog, widths);
  }

  /** Images of the site sized from {@code assets/}, and {@code /newsletter/<name>} from {@code folder}. */
  static Function<String, OptionalInt> imagesIn(Path folder) {
    return url -> {
      String prefix = HOST + "/newsletter/";
      Path file = url.startsWith(prefix) ? folder.resolve(url.substring(prefix.length()))
          : url.startsWith(HOST + "/") ? Path.of("assets").resolve(url.substring(HOST.length() + 1)) : null;
      try {
        return file != null && Files.isRegularFile(file)
            ? OptionalInt.of(ImageIO.read(file.toFile()).getWidth()) : OptionalInt.empty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /**
   * The documents of the fixture's {@code content/} folder as the bake reads them (depth first,
   * in name order), but {@code skipped} folders (relative to {@code content/}, such as {@code
   * newsletter}).
   */
  static List<Document> documents(String fixture, Set<String> skipped) {
    Path content = Path.of("src", "test", "resources", "sites", fixture, "content");
    List<Document> docs = new ArrayList<>();
    for (Path file : files(content)) {
      String contentPath = content.relativize(file).toString().replace('\\', '/');
      if (skipped.stream().noneMatch(s -> contentPath.startsWith(s + "/"))) {
        docs.add(document(contentPath, read(file)));
      }
    }
    return docs;
  }

  /** One document, {@code content/<contentPath>}. */
  static Document document(String contentPath, String text) {
    try {
      return new DocumentReader(DocumentReader.Settings.defaults())
          .read(new FrontMatterParser().parse("content/" + contentPath, text), contentPath);
    } catch (ContentException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** A list email, {@code content/list/<name>.md}. */
  static ListEmail listEmail(String name, String text) throws ContentException {
    return new ListEmailReader().read(new FrontMatterParser().parse("content/list/" + name + ".md", text), name);
  }

  /** The catalog of {@code docs} on {@link #TODAY}, with the project's URLs and playbook steps. */
  static Catalog catalog(List<Document> docs) throws ContentException {
    return new CatalogBuilder(new CatalogBuilder.Settings(UriScheme.pretty(), STEPS, "tags", Set.of()))
        .build(docs, TODAY);
  }


  private static List<Path> files(Path folder) {
    try (Stream<Path> children = Files.list(folder)) {
      List<Path> out = new ArrayList<>();
      for (Path child : children.sorted().toList()) {
        if (Files.isDirectory(child)) {
          out.addAll(files(child));
        } else if (child.getFileName().toString().endsWith(".md")) {
          out.add(child);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
