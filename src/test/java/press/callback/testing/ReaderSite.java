package press.callback.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import press.callback.diag.Diagnostic;
import press.callback.site.SiteBaker;

/**
 * The project's own site, as readers get it, for the browser tests: this project's content,
 * templates, assets and settings baked once per test JVM into {@code target/reader-site/} and
 * served on a loopback port by a {@link StaticServer}.
 *
 * <p>The build date is far ahead, so every piece that is not a draft is on the site, scheduled
 * ones too. One email template is added to the library, {@link #CHARACTERS_SNIPPET}, whose
 * subject and text hold the characters a {@code mailto:} link must encode.
 */
public final class ReaderSite {
  /** The build date: later than anything scheduled. */
  public static final LocalDate TODAY = LocalDate.of(2099, 12, 31);

  /** The added email template's page. */
  public static final String CHARACTERS_SNIPPET = "/snippets/zz-characters-to-encode/";

  private static final String CHARACTERS_SNIPPET_SOURCE = """
      ---
      title: "Characters to encode (browser test)"
      date: 2026-01-05
      subject: "Q&A #2: 100% sure? {topic} + café = déjà vu"
      use_when: "Only in the browser tests: every character a mailto link must encode."
      placeholders: [name, topic, your_name]
      step: 4
      tags: [email]
      ---

      Hi {name},

      Fish & chips? 50% off, a+b=c, #1 on the list; naïve “quotes” — and €5.
      This line follows a single line break.

      The rest is here so the template passes the reply gate of the library: a real email
      template has fifty words or more, and so does this one, even in a test.

      Ask about {topic}?

      {your_name}

      ## Why it works

      It is here for the tests.
      """;

  private static Path site;
  private static StaticServer server;

  private ReaderSite() {}

  /** The baked site's folder. */
  public static synchronized Path folder() {
    if (site == null) {
      site = bake();
    }
    return site;
  }

  /** The address the site is served at (the server runs until the JVM exits). */
  public static synchronized URI base() {
    if (server == null) {
      try {
        server = StaticServer.start(folder());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server.base();
  }

  /** A baked page, parsed: {@code /snippets/} or {@code /tags/email.html}. */
  public static Document page(String url) {
    String path = url.substring(1);
    if (path.isEmpty() || path.endsWith("/")) {
      path += "index.html";
    }
    return TestSite.html(folder(), path);
  }

  /** The URL of every HTML page of the site, sorted. */
  public static List<String> pages() {
    return TestSite.files(folder(), ".html").stream()
        .map(f -> "/" + (f.endsWith("index.html") ? f.substring(0, f.length() - "index.html".length()) : f))
        .sorted()
        .toList();
  }

  private static Path bake() {
    Path target = Path.of("target", "reader-site").toAbsolutePath();
    Path project = target.resolve("project");
    try {
      deleteTree(target);
      for (String part : List.of("content", "templates", "assets", "jbake.properties")) {
        copyTree(Path.of(part), project.resolve(part));
      }
      TestSite.write(project.resolve("content/snippets/zz-characters-to-encode.md"), CHARACTERS_SNIPPET_SOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path out = target.resolve("site");
    SiteBaker.Result result =
        new SiteBaker(TestSite.JBAKE, step -> {}).bake(new SiteBaker.Request(project, out, target.resolve("newsletter"), TODAY));
    assertThat(result.ok())
        .as("the project bakes: %s", result.diagnostics().stream().map(Diagnostic::format).toList())
        .isTrue();
    return out;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
