package press.callback.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import press.callback.content.Catalog;
import press.callback.content.ListEmail;
import press.callback.mail.MimeWriter;
import press.callback.testing.Golden;

/**
 * Golden emails, built directly (no bake): each folder of {@code golden/} is one case, named after
 * the email feature or the past defect it pins. Its input is {@code input.md}, an issue put in
 * {@code content/newsletter/} beside the {@code basic} fixture's articles, tips and snippets (not
 * its issues), or {@code confirm.md}, {@code already.md} or {@code welcome.md}, a list email. A
 * {@code content/} folder in the case adds files to the fixture's; other files are images the
 * input shows at {@code /newsletter/<name>}. The email must equal {@code email.html}, {@code
 * email.txt} and {@code email.eml} byte for byte. A case without one input, or with a file nothing
 * reads, fails, as does an empty {@code golden/}. {@code -Dgolden.update=true} rewrites the
 * expected files.
 */
class EmailGoldenTest {
  private static final Path GOLDEN = Golden.resources("golden");
  private static final Set<String> OUTPUTS = Set.of("email.html", "email.txt", "email.eml");
  private static final String ISSUE = "input.md";

  @TestFactory
  Stream<DynamicTest> everyCaseMatchesItsExpectedEmail() throws IOException {
    List<Path> cases;
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      cases = dirs.sorted().toList();
    }
    assertThat(cases).as("golden cases").isNotEmpty();
    assertThat(cases.stream().filter(c -> !Files.isDirectory(c))).as("files in golden/ outside a case").isEmpty();
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
  }

  private static void check(Path goldenCase) throws Exception {
    Path input = input(goldenCase);
    String text = EmailFixture.read(input);
    assertThat(orphans(goldenCase, input, text)).as("files of " + goldenCase + " that no input reads").isEmpty();
    Email email = input.getFileName().toString().equals(ISSUE) ? issue(goldenCase, text) : listEmail(input, text);
    byte[] eml = MimeWriter.write(email);
    Golden.check(goldenCase.resolve("email.html"), email.html());
    Golden.check(goldenCase.resolve("email.txt"), email.text());
    Golden.check(goldenCase.resolve("email.eml"), new String(eml, StandardCharsets.US_ASCII));

    // The message parses back into the same two parts, text first.
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(eml));
    MimeMultipart parts = (MimeMultipart) message.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n")).isEqualTo(email.text());
    assertThat(((String) parts.getBodyPart(1).getContent()).replace("\r\n", "\n")).isEqualTo(email.html());
    for (String line : new String(eml, StandardCharsets.US_ASCII).split("\r\n")) {
      assertThat(line.length()).isLessThanOrEqualTo(998);
    }

    // Inlining the inlined email changes nothing.
    Document again = Jsoup.parse(email.html());
    again.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
    CssInliner.inline(again);
    assertThat(again.outerHtml()).isEqualTo(email.html());
  }

  /** The case's one input: {@code input.md} (an issue) or a list email's file. */
  private static Path input(Path goldenCase) throws IOException {
    List<Path> inputs = new ArrayList<>();
    try (Stream<Path> files = Files.list(goldenCase)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.equals(ISSUE) || ListEmail.NAMES.stream().anyMatch(n -> name.equals(n + ".md"))) {
          inputs.add(f);
        }
      }
    }
    assertThat(inputs).as("the input of " + goldenCase + ": " + ISSUE + " or one of " + ListEmail.NAMES + " .md").hasSize(1);
    return inputs.get(0);
  }

  /** Files of the case that are neither its input, its outputs, its content nor an image it shows. */
  private static Set<String> orphans(Path goldenCase, Path input, String text) throws IOException {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> files = Files.list(goldenCase)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        boolean read = f.equals(input) || OUTPUTS.contains(name)
            || name.equals("content") && Files.isDirectory(f)
            || Files.isRegularFile(f) && text.contains("/newsletter/" + name);
        if (!read) {
          out.add(name);
        }
      }
    }
    return out;
  }

  private static Email issue(Path goldenCase, String text) throws Exception {
    String date = text.lines().filter(l -> l.startsWith("date: ")).findFirst().orElseThrow().substring(6).strip();
    String path = "newsletter/" + date + ".md";
    List<press.callback.content.Document> docs =
        new ArrayList<>(EmailFixture.documents("basic", Set.of("newsletter")));
    Path content = goldenCase.resolve("content");
    if (Files.isDirectory(content)) {
      try (Stream<Path> files = Files.walk(content)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          docs.add(EmailFixture.document(content.relativize(f).toString().replace('\\', '/'), EmailFixture.read(f)));
        }
      }
    }
    docs.add(EmailFixture.document(path, text));
    Catalog catalog = EmailFixture.catalog(docs);
    Issue issue = IssueAssembler.assemble(catalog).stream()
        .filter(i -> i.entry().path().equals("content/" + path)).findFirst().orElseThrow();
    return EmailFixture.builder(catalog, EmailFixture.imagesIn(goldenCase)).build(issue);
  }

  private static Email listEmail(Path input, String text) throws Exception {
    String name = input.getFileName().toString().replaceFirst("\\.md$", "");
    return EmailFixture.builder(EmailFixture.catalog(EmailFixture.documents("basic", Set.of("newsletter"))),
            EmailFixture.imagesIn(input.getParent()))
        .build(EmailFixture.listEmail(name, text), EmailFixture.TODAY);
  }
}
