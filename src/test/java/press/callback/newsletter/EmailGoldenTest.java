package press.callback.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import press.callback.diag.Diagnostic;
import press.callback.site.SiteBaker;
import press.callback.testing.Golden;
import press.callback.testing.TestSite;

/**
 * Golden emails: {@code golden/<case>/input.md} is an issue, baked (real JBake, real templates)
 * with the {@code basic} fixture's articles, tips and snippets; the email must equal {@code
 * email.html}, {@code email.txt} and {@code email.eml} byte for byte. Other files of the case
 * (images) are put beside the issue. {@code -Dgolden.update=true} rewrites the expected files.
 */
class EmailGoldenTest {
  private static final Path GOLDEN = Golden.resources("golden");
  private static final Set<String> OUTPUTS = Set.of("email.html", "email.txt", "email.eml");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> everyCaseMatchesItsExpectedEmail() throws IOException {
    List<Path> cases;
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      cases = dirs.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(cases).as("golden cases").isNotEmpty();
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
  }

  private void check(Path goldenCase) throws Exception {
    assertThat(goldenCase.resolve("input.md")).exists();
    Path project = TestSite.create(tmp.resolve(goldenCase.getFileName().toString()), "basic");
    Path newsletter = project.resolve("content/newsletter");
    deleteTree(newsletter);
    Files.createDirectories(newsletter);
    String input = Files.readString(goldenCase.resolve("input.md"));
    String date = input.lines().filter(l -> l.startsWith("date: ")).findFirst().orElseThrow().substring(6).strip();
    Files.writeString(newsletter.resolve(date + ".md"), input);
    try (Stream<Path> files = Files.list(goldenCase)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (!name.equals("input.md") && !OUTPUTS.contains(name)) {
          Files.copy(f, newsletter.resolve(name));
        }
      }
    }
    Path out = project.resolve("out");
    SiteBaker.Result result = new SiteBaker(TestSite.JBAKE, s -> {})
        .bake(new SiteBaker.Request(project, out.resolve("site"), out.resolve("newsletter"), TestSite.TODAY));
    assertThat(result.diagnostics()).extracting(Diagnostic::format).isEmpty();
    Path email = out.resolve("newsletter").resolve(date);

    String html = Files.readString(email.resolve("email.html"), StandardCharsets.UTF_8);
    String text = Files.readString(email.resolve("email.txt"), StandardCharsets.UTF_8);
    byte[] eml = Files.readAllBytes(email.resolve("email.eml"));
    Golden.check(goldenCase.resolve("email.html"), html);
    Golden.check(goldenCase.resolve("email.txt"), text);
    Golden.check(goldenCase.resolve("email.eml"), new String(eml, StandardCharsets.US_ASCII));

    // The message parses back into the same two parts, text first.
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(eml));
    MimeMultipart parts = (MimeMultipart) message.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n")).isEqualTo(text);
    assertThat(((String) parts.getBodyPart(1).getContent()).replace("\r\n", "\n")).isEqualTo(html);
    for (String line : new String(eml, StandardCharsets.US_ASCII).split("\r\n")) {
      assertThat(line.length()).isLessThanOrEqualTo(998);
    }

    // Inlining the inlined email changes nothing.
    Document again = Jsoup.parse(html);
    again.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(org.jsoup.nodes.Entities.EscapeMode.base);
    CssInliner.inline(again);
    assertThat(again.outerHtml()).isEqualTo(html);
  }

  private static void deleteTree(Path p) {
    try (Stream<Path> files = Files.walk(p)) {
      for (Path f : files.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
