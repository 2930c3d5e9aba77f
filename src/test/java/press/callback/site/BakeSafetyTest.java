package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.diag.Diagnostic;
import press.callback.testing.TestSite;

/** What a bake must never do: leave half a site, lose the previous one, or vary between runs. */
class BakeSafetyTest {
  @TempDir Path tmp;

  @Test
  void failedBakeLeavesThePreviousSiteAsItWas() throws IOException {
    Path project = TestSite.create(tmp, "basic");
    Path site = tmp.resolve("out/site");
    assertThat(TestSite.bake(project, site).ok()).isTrue();
    Map<String, String> before = TestSite.tree(site);
    Map<String, String> emailsBefore = TestSite.tree(site.resolveSibling("newsletter"));

    TestSite.write(project.resolve("content/articles/2026/first.md"), "---\ntitle: First\ndate: 2026-13-45\n---\nChanged.\n");
    SiteBaker.Result failed = TestSite.bake(project, site);

    assertThat(failed.ok()).isFalse();
    assertThat(failed.diagnostics())
        .extracting(Diagnostic::location)
        .containsExactly("content/articles/2026/first.md:3:7");
    assertThat(TestSite.tree(site)).isEqualTo(before);
    assertThat(TestSite.tree(site.resolveSibling("newsletter"))).isEqualTo(emailsBefore).isNotEmpty();
    try (Stream<Path> left = Files.list(site.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString()).sorted())
          .containsExactly(".press-output.lock", "newsletter", "site");
    }
  }

  @Test
  void aBrokenLinkInTheBakedSiteKeepsThePreviousSite() {
    Path project = TestSite.create(tmp, "basic");
    Path site = tmp.resolve("out/site");
    assertThat(TestSite.bake(project, site).ok()).isTrue();
    Map<String, String> before = TestSite.tree(site);

    TestSite.write(project.resolve("content/about.md"), "---\ntitle: About\nsummary: Who.\n---\n\nSee [us](../team/).\n");
    SiteBaker.Result failed = TestSite.bake(project, site);

    assertThat(failed.ok()).isFalse();
    assertThat(failed.diagnostics()).extracting(Diagnostic::location, Diagnostic::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("content/about.md:6:10", "link ../team/ (/team/) leads to no page"));
    assertThat(TestSite.tree(site)).isEqualTo(before);
  }

  @Test
  void templateErrorFailsTheBakeWithTheTemplatesLine() throws IOException {
    Path project = TestSite.create(tmp, "basic");
    Path site = tmp.resolve("site");
    Path post = project.resolve("templates/post.ftl");
    String text = TestSite.read(post).replace("<h1>${e.title()}</h1>", "<h1>${e.title()} ${content.no_such_key}</h1>");
    TestSite.write(post, text);
    int line = 1 + (int) text.substring(0, text.indexOf("content.no_such_key")).chars().filter(c -> c == '\n').count();

    SiteBaker.Result result = TestSite.bake(project, site);

    assertThat(result.ok()).isFalse();
    assertThat(result.diagnostics()).hasSize(1);
    Diagnostic d = result.diagnostics().get(0);
    assertThat(d.path()).isEqualTo("templates/post.ftl");
    assertThat(d.line()).isEqualTo(line);
    assertThat(d.message()).contains("content.no_such_key").contains("(rendering content/articles/").contains("more)");
    assertThat(d.sourceLine()).contains("content.no_such_key");
    assertThat(site).doesNotExist();
  }

  @Test
  void templateSyntaxErrorIsReportedOnce() {
    Path project = TestSite.create(tmp, "basic");
    Path tags = project.resolve("templates/tags.ftl");
    TestSite.write(tags, TestSite.read(tags).replace("<#list site.tags() as t>", "<#list site.tags() as>"));

    SiteBaker.Result result = TestSite.bake(project, tmp.resolve("site"));

    assertThat(result.diagnostics()).hasSize(1);
    assertThat(result.diagnostics().get(0).format()).startsWith("templates/tags.ftl:").contains("error: template syntax:");
  }

  @Test
  void missingTemplateIsNamed() throws IOException {
    Path project = TestSite.create(tmp, "basic");
    Files.delete(project.resolve("templates/tip.ftl"));

    SiteBaker.Result result = TestSite.bake(project, tmp.resolve("site"));

    assertThat(result.diagnostics()).extracting(Diagnostic::path).containsExactly("templates/tip.ftl");
    assertThat(result.diagnostics().get(0).message()).startsWith("template not found");
  }

  @Test
  void aFileThatIsNotUtf8IsNamedAndOneWithAReplacementCharacterIsRead() throws IOException {
    Path project = TestSite.create(tmp, "basic");
    // "café" in Latin-1: the é is a lone 0xE9 byte, not UTF-8.
    java.nio.file.Files.write(project.resolve("content/latin1.md"),
        "---\ntitle: Caf\u00e9\n---\nText.\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    SiteBaker.Result result = TestSite.bake(project, tmp.resolve("site"));
    assertThat(result.diagnostics()).extracting(Diagnostic::format)
        .containsExactly("content/latin1.md: error: file is not UTF-8 text\n  hint: save the file as UTF-8");

    // U+FFFD written on purpose is valid UTF-8.
    TestSite.write(project.resolve("content/latin1.md"), "---\ntitle: Odd \uFFFD mark\n---\nText.\n");
    assertThat(TestSite.bake(project, tmp.resolve("site")).ok()).isTrue();
  }

  @Test
  void twoFilesForOnePageAreAnError() {
    Path project = TestSite.create(tmp, "basic");
    TestSite.write(project.resolve("content/about.html"), "---\ntitle: About again\n---\n<p>Again</p>\n");

    SiteBaker.Result result = TestSite.bake(project, tmp.resolve("site"));

    assertThat(result.diagnostics())
        .extracting(Diagnostic::format)
        .containsExactly(
            "content/about.md: error: writes the same page as content/about.html (about/index.html)\n"
                + "  hint: rename or move one of the two files");
  }

  @Test
  void reportsEveryBadFileInOneRun() {
    Path project = TestSite.create(tmp, "basic");
    TestSite.write(project.resolve("content/tips/a.md"), "---\ntitle: A\n---\nNo date.\n");
    TestSite.write(project.resolve("content/tips/b.md"), "---\ndate: 2026-01-01\n---\nNo title.\n");
    TestSite.write(project.resolve("content/c.md"), "---\ntitle: C\nstatus: gone\n---\n");

    SiteBaker.Result result = TestSite.bake(project, tmp.resolve("site"));

    assertThat(result.errorCount()).isEqualTo(3);
    assertThat(result.diagnostics())
        .extracting(Diagnostic::location)
        .containsExactly("content/c.md:3:9", "content/tips/a.md:1:1", "content/tips/b.md:1:1");
  }

  @Test
  void anEmailThatBreaksTheQualityGateFailsTheBake() {
    Path project = TestSite.create(tmp, "basic");
    Path footer = project.resolve("templates/email/footer.ftl");
    TestSite.write(footer, TestSite.read(footer).replace("<a href=\"${email.unsubscribeUrl()}\">Unsubscribe</a>", "Unsubscribe"));

    SiteBaker.Result result = TestSite.bake(project, tmp.resolve("out/site"));

    assertThat(result.ok()).isFalse();
    assertThat(result.diagnostics())
        .extracting(Diagnostic::path, Diagnostic::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple("content/newsletter/2026-11-02.md",
                "email breaks rule 'unsubscribe-link': no visible link to https://list.callback.press/u/{{token}} saying 'unsubscribe'"),
            org.assertj.core.groups.Tuple.tuple("content/newsletter/2026-12-07.md",
                "email breaks rule 'unsubscribe-link': no visible link to https://list.callback.press/u/{{token}} saying 'unsubscribe'"));
    assertThat(tmp.resolve("out/site")).doesNotExist();
    assertThat(tmp.resolve("out/newsletter")).doesNotExist();
  }

  @Test
  void unreadableEmailCssIsReportedWithItsLine() {
    Path project = TestSite.create(tmp, "basic");
    Path css = project.resolve("assets/css/email.css");
    TestSite.write(css, TestSite.read(css) + "\n.broken { color: }}\n");
    int line = (int) TestSite.read(css).lines().count() - 0;

    SiteBaker.Result result = TestSite.bake(project, tmp.resolve("site"));

    assertThat(result.diagnostics()).isNotEmpty().allMatch(d -> d.path().equals("assets/css/email.css"));
    assertThat(result.diagnostics().get(0).line()).isEqualTo(line);
  }

  @Test
  void anUnknownTipStopsTheBakeAtTheIssuesLine() {
    Path project = TestSite.create(tmp, "basic");
    TestSite.write(project.resolve("content/newsletter/2026-11-02.md"),
        "---\ntitle: One\ndate: 2026-11-02\ntip: shrot\n---\nNote.\n");

    SiteBaker.Result result = TestSite.bake(project, tmp.resolve("site"));

    assertThat(result.diagnostics()).extracting(Diagnostic::format).containsExactly(
        "content/newsletter/2026-11-02.md:4:6: error: unknown tip 'shrot'\n"
            + "    tip: shrot\n"
            + "         ^\n"
            + "  hint: name a file in content/tips/ without '.md': short");
  }

  @Test
  void sameInputBakesByteIdenticalSites() {
    Path project = TestSite.create(tmp, "basic");
    assertThat(TestSite.bake(project, tmp.resolve("one/site")).ok()).isTrue();
    assertThat(TestSite.bake(project, tmp.resolve("two/site")).ok()).isTrue();
    Map<String, String> one = TestSite.tree(tmp.resolve("one"));
    assertThat(one).hasSizeGreaterThanOrEqualTo(34).isEqualTo(TestSite.tree(tmp.resolve("two")));
  }

  @Test
  void aPostBecomesVisibleOnItsDate() {
    Path project = TestSite.create(tmp, "basic");
    Path site = tmp.resolve("site");
    SiteBaker.Result later =
        new SiteBaker(TestSite.JBAKE, s -> {})
            .bake(new SiteBaker.Request(project, site, java.time.LocalDate.of(2026, 12, 25)));
    assertThat(later.ok()).isTrue();
    assertThat(site.resolve("articles/2026/future/index.html")).exists();
    assertThat(site.resolve("articles/2026/draft")).doesNotExist();
  }
}
