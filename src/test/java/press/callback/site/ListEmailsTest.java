package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.diag.Diagnostic;
import press.callback.mail.IssueMessage;
import press.callback.testing.TestSite;

/**
 * The list service's emails ({@code content/list/}): baked through the issues' pipeline into
 * {@code newsletter/list/<name>/}, transactional (no list headers), their placeholders left for
 * the service; never pages; refused at their line when they break the service's contract.
 */
class ListEmailsTest {
  @TempDir Path tmp;

  /** The basic fixture with this repository's list emails. */
  private Path project() {
    Path project = TestSite.create(tmp, "basic");
    copy(Path.of("content", "list"), project.resolve("content/list"));
    return project;
  }

  @Test
  void listEmailsAreBakedWithTheirPlaceholdersAndWithoutListHeaders() throws Exception {
    Path project = project();
    Path site = tmp.resolve("out/site");

    SiteBaker.Result result = TestSite.bake(project, site);

    assertThat(result.diagnostics()).extracting(Diagnostic::format).isEmpty();
    Path list = tmp.resolve("out/newsletter/list");
    assertThat(names(list)).containsExactly("already", "confirm", "welcome");
    for (String name : List.of("confirm", "already", "welcome")) {
      Path dir = list.resolve(name);
      assertThat(names(dir)).as(name).containsExactly("email.eml", "email.html", "email.txt");
      String link = name.equals("confirm") ? "{{confirm_url}}" : "{{manage_url}}";
      Document html = Jsoup.parse(Files.readString(dir.resolve("email.html")));
      assertThat(html.select("table.button a.button-link").eachAttr("href")).as(name).containsExactly(link);
      assertThat(html.select("a[href*=unsubscribe], a[href*={{token}}]")).as(name).isEmpty();
      assertThat(html.body().text()).as(name).contains("Callback Press, 100 Example Street");
      assertThat(Files.readString(dir.resolve("email.txt"))).as(name).contains("<" + link + ">");

      byte[] eml = Files.readAllBytes(dir.resolve("email.eml"));
      MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(eml));
      List<String> headers = Collections.list(m.getAllHeaders()).stream().map(h -> h.getName()).toList();
      assertThat(headers).as(name).contains("From", "Subject", "Message-ID", "Date")
          .doesNotContain("List-Id", "List-Unsubscribe", "List-Unsubscribe-Post");
      try (InputStream in = Files.newInputStream(dir.resolve("email.eml"))) {
        IssueMessage read = IssueMessage.read(name, in);
        assertThat(read.transactional()).isTrue();
        assertThat(read.html()).contains("href=\"" + link + "\"");
        assertThat(read.text()).contains("<" + link + ">");
      }
    }
    assertThat(Files.readString(list.resolve("confirm/email.html"))).doesNotContain("{{name}}");
    assertThat(Files.readString(list.resolve("welcome/email.txt"))).contains("Hi {{name}},");
    assertThat(site.resolve("list")).doesNotExist();
    for (String file : List.of("sitemap.xml", "feed.xml", "search/index.json")) {
      assertThat(Files.readString(site.resolve(file))).as(file).doesNotContain("/list/").doesNotContain("confirm_url");
    }
  }

  @Test
  void aNameInTheConfirmationIsRefusedAtItsLine() {
    Path project = project();
    Path confirm = project.resolve("content/list/confirm.md");
    TestSite.write(confirm, TestSite.read(confirm).replace("Someone, probably you,", "Hi {{name}}! Someone,"));
    Path site = tmp.resolve("out/site");

    SiteBaker.Result result = TestSite.bake(project, site);

    assertThat(result.ok()).isFalse();
    assertThat(site).doesNotExist();
    assertThat(result.diagnostics()).hasSize(1);
    Diagnostic d = result.diagnostics().get(0);
    assertThat(d.location()).isEqualTo("content/list/confirm.md:7:4");
    assertThat(d.message()).isEqualTo("{{name}} in the confirmation email");
    assertThat(d.hint()).contains("spammers put their ads in the name field");
    assertThat(d.sourceLine()).startsWith("Hi {{name}}! Someone,");
  }

  @Test
  void aMissingPlaceholderIsRefusedWithAHint() {
    Path project = project();
    Path welcome = project.resolve("content/list/welcome.md");
    TestSite.write(welcome, TestSite.read(welcome).replace("[Manage your subscription]({{manage_url}})", "See you Monday."));
    Path site = tmp.resolve("out/site");

    SiteBaker.Result result = TestSite.bake(project, site);

    assertThat(result.ok()).isFalse();
    assertThat(result.diagnostics()).hasSize(1);
    Diagnostic d = result.diagnostics().get(0);
    assertThat(d.location()).isEqualTo("content/list/welcome.md:6:1");
    assertThat(d.message()).isEqualTo("welcome.md has no {{manage_url}} in its text");
    assertThat(d.hint()).contains("[Change your preferences or unsubscribe]({{manage_url}})");
  }

  @Test
  void unknownPlaceholdersKeysAndFilesAreRefused() {
    Path project = project();
    Path already = project.resolve("content/list/already.md");
    TestSite.write(already, TestSite.read(already).replace("preheader:", "subjct: x\npreheader:")
        .replace("Good news:", "Good {{token}} news:"));
    TestSite.write(project.resolve("content/list/goodbye.md"), "---\ntitle: Bye\n---\nBye.\n");
    Path site = tmp.resolve("out/site");

    SiteBaker.Result result = TestSite.bake(project, site);

    assertThat(result.diagnostics()).extracting(d -> d.location() + " " + d.message()).containsExactlyInAnyOrder(
        "content/list/already.md:4:1 unknown key 'subjct' for a list email",
        "content/list/already.md:8:56 unknown placeholder {{token}} in already.md",
        "content/list/goodbye.md not a list email: content/list/ holds confirm.md, already.md, welcome.md");
  }

  @Test
  void withoutTheFolderNoListEmailIsBaked() {
    Path project = TestSite.create(tmp, "basic");

    SiteBaker.Result result = TestSite.bake(project, tmp.resolve("out/site"));

    assertThat(result.ok()).isTrue();
    assertThat(tmp.resolve("out/newsletter")).isDirectory();
    assertThat(tmp.resolve("out/newsletter/list")).doesNotExist();
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
