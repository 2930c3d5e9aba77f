package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.diag.Diagnostic;
import press.callback.testing.TestSite;

/**
 * Content an author would not write but a bake must survive: every problem is reported at its
 * file (and line), the bake fails, and nothing is written.
 */
class HostileContentTest {
  @TempDir Path tmp;

  @Test
  void deeplyNestedFilesFailTheBakeAtTheirLine() {
    Path project = TestSite.create(tmp, "basic");
    TestSite.write(project.resolve("content/articles/2026/deep-yaml.md"),
        "---\ntitle: Deep\ndate: 2026-01-05\ntags: " + "[".repeat(2_000) + "]".repeat(2_000) + "\n---\nBody.\n");
    TestSite.write(project.resolve("content/articles/2026/deep-quote.md"),
        "---\ntitle: Deep quote\ndate: 2026-01-05\n---\n\n" + ">".repeat(5_000) + " x\n");
    Path site = tmp.resolve("out/site");

    SiteBaker.Result result = TestSite.bake(project, site);

    assertThat(result.ok()).isFalse();
    assertThat(result.diagnostics())
        .extracting(Diagnostic::location, Diagnostic::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("content/articles/2026/deep-quote.md:6:1",
                "the Markdown is nested too deeply (5,002 levels; at most 100)"),
            org.assertj.core.groups.Tuple.tuple("content/articles/2026/deep-yaml.md:4:56",
                "front matter is nested too deeply (2,001 levels; at most 50)"));
    assertThat(site).doesNotExist();
  }

  @Test
  void controlCharactersFailTheBakeSoFeedsStayWellFormed() throws Exception {
    Path project = TestSite.create(tmp, "basic");
    Path article = project.resolve("content/articles/2026/first.md");
    Path issue = project.resolve("content/newsletter/2026-11-02.md");
    String articleText = TestSite.read(article);
    String issueText = TestSite.read(issue);
    TestSite.write(article, articleText + "\nA NUL\u0000 here.\n");
    TestSite.write(issue, issueText + "\nBold \u001B[1mtext.\n");
    Path site = tmp.resolve("out/site");

    SiteBaker.Result result = TestSite.bake(project, site);

    assertThat(result.ok()).isFalse();
    assertThat(result.diagnostics())
        .extracting(Diagnostic::location, Diagnostic::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("content/articles/2026/first.md:14:6", "control character U+0000 in the text"),
            org.assertj.core.groups.Tuple.tuple("content/newsletter/2026-11-02.md:11:6", "control character U+001B in the text"));
    assertThat(site).doesNotExist();

    // Without them, every XML file of the site and the newsletter is well-formed.
    TestSite.write(article, articleText);
    TestSite.write(issue, issueText);
    assertThat(TestSite.bake(project, site).ok()).isTrue();
    List<String> parsed = new ArrayList<>();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    for (Path root : List.of(site, site.resolveSibling("newsletter"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path xml : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
          factory.newDocumentBuilder().parse(xml.toFile());
          parsed.add(root.relativize(xml).toString());
        }
      }
    }
    assertThat(parsed).contains("feed.xml", "newsletter.xml", "sitemap.xml");
  }

  @Test
  void oddFileNamesAreRefused() {
    // They were written to percent-encoded folders their links did not find, and the errors
    // blamed layout.ftl. Spaces became '+'. The hint is the name 'press new' would make.
    Path project = TestSite.create(tmp, "basic");
    for (String name : List.of("café #1.md", "what?.md", "100%.md", "my post.md", "Upper_case-1.2.md")) {
      TestSite.write(project.resolve("content/articles/2026").resolve(name),
          "---\ntitle: \"Odd " + name + "\"\ndate: 2026-01-05\n---\nBody.\n");
    }
    TestSite.write(project.resolve("content/tips/über tips/x.md"), "---\ntitle: Odd tip\ndate: 2026-01-05\n---\nDo.\n");
    Path site = tmp.resolve("out/site");

    SiteBaker.Result result = TestSite.bake(project, site);

    assertThat(result.ok()).isFalse();
    assertThat(result.diagnostics()).extracting(Diagnostic::format).containsExactly(
        "content/articles/2026/100%.md: error: the file name has characters a URL cannot hold as is: '%'\n"
            + "  hint: rename it to 100.md",
        "content/articles/2026/café #1.md: error: the file name has characters a URL cannot hold as is: 'é', ' ', '#'\n"
            + "  hint: rename it to cafe-1.md",
        "content/articles/2026/my post.md: error: the file name has characters a URL cannot hold as is: ' '\n"
            + "  hint: rename it to my-post.md",
        "content/articles/2026/what?.md: error: the file name has characters a URL cannot hold as is: '?'\n"
            + "  hint: rename it to what.md",
        "content/tips/über tips/x.md: error: the folder name 'über tips' has characters a URL cannot hold as is: 'ü', ' '\n"
            + "  hint: rename the folder to uber-tips");
    assertThat(site).doesNotExist();
  }

  @Test
  void tagsDifferingInCaseAreOnePage() throws Exception {
    // Email, EMAIL and email made three pages, which a case-insensitive disk (macOS, Windows)
    // holds as one file: two of the three lists were lost.
    Path project = TestSite.create(tmp, "basic");
    List<String> tags = List.of("Email", "EMAIL", "eMail");
    for (int i = 0; i < tags.size(); i++) {
      TestSite.write(project.resolve("content/articles/2026/case-" + i + ".md"),
          "---\ntitle: \"Tagged " + i + "\"\ndate: 2026-01-05\ntags: [" + tags.get(i) + "]\n---\nBody.\n");
    }
    Path site = tmp.resolve("out/site");

    SiteBaker.Result result = TestSite.bake(project, site);

    assertThat(result.diagnostics()).isEmpty();
    List<String> tagFiles;
    try (Stream<Path> files = Files.list(site.resolve("tags"))) {
      tagFiles = files.map(f -> f.getFileName().toString()).sorted().toList();
    }
    assertThat(tagFiles).filteredOn(f -> f.equalsIgnoreCase("email.html")).containsExactly("email.html");
    assertThat(TestSite.html(site, "tags/email.html").select(".card__title").eachText())
        .contains("Tagged 0", "Tagged 1", "Tagged 2");
    assertThat(TestSite.html(site, "articles/2026/case-1/index.html").select(".article .tags a").eachAttr("href"))
        .containsExactly("/tags/email.html");
  }
}
