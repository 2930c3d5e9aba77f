package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.diag.Diagnostic;
import press.callback.testing.TestSite;

/**
 * The dev server's site: every edit applied alone must leave exactly the files a whole bake of
 * the edited sources makes — byte for byte, site and emails.
 */
class LiveSiteTest {
  private static final Clock CLOCK =
      Clock.fixed(TestSite.TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

  @TempDir Path tmp;
  Path project;
  LiveSite live;

  @BeforeEach
  void bake() {
    project = TestSite.create(tmp, "basic");
    live = live(false);
    assertThat(live.bakeAll().ok()).isTrue();
  }

  private LiveSite live(boolean preview) {
    Path out = tmp.resolve(preview ? "preview" : "serve");
    return new LiveSite(TestSite.JBAKE, new LiveSite.Settings(project, out.resolve("site"), out.resolve("newsletter"), preview, CLOCK), s -> {});
  }

  @Test
  void editedBodyRewritesOnlyWhatShowsItAndMatchesAWholeBake() throws IOException {
    Path first = project.resolve("content/articles/2026/first.md");
    Map<String, String> before = TestSite.tree(site());
    append(first, "\nA sentence added while the server runs.\n");

    LiveSite.Update update = live.apply(List.of(first));

    assertThat(update.ok()).as("%s", update.diagnostics()).isTrue();
    assertThat(update.kind()).isEqualTo(LiveSite.Kind.EDIT);
    assertThat(update.changedFiles()).containsExactly("content/articles/2026/first.md");
    assertThat(TestSite.html(site(), "articles/2026/first/index.html").text())
        .contains("A sentence added while the server runs.");
    assertSameAsWholeBake();
    Map<String, String> after = TestSite.tree(site());
    assertThat(after.keySet()).isEqualTo(before.keySet());
    assertThat(after).containsEntry("articles/2026/second/index.html", before.get("articles/2026/second/index.html"));
  }

  /** An asset saved while a document's error shows is copied at once, not lost (found under attack, issue 14). */
  @Test
  void assetsSavedWhileADocumentHasAnErrorAreCopied() throws IOException {
    Path about = project.resolve("content/about.md");
    String good = Files.readString(about);
    Files.writeString(about, "---\ntitle: [unclosed\n---\nBroken.\n");
    assertThat(live.apply(List.of(about)).ok()).isFalse();

    Path css = project.resolve("assets/css/during.css");
    Files.writeString(css, "p { color: red }\n");
    LiveSite.Update update = live.apply(List.of(css));

    assertThat(update.ok()).isFalse(); // about.md still has its error
    assertThat(site().resolve("css/during.css")).hasContent("p { color: red }");
    Files.writeString(about, good);
    assertThat(live.apply(List.of(about)).ok()).isTrue();
    assertSameAsWholeBake();
  }

  @Test
  void editedTitleReachesNeighboursListsFeedAndTheIssueEmail() throws IOException {
    Path first = project.resolve("content/articles/2026/first.md");
    replace(first, "title: First article", "title: One question per email");

    LiveSite.Update update = live.apply(List.of(first));

    assertThat(update.ok()).as("%s", update.diagnostics()).isTrue();
    assertThat(update.kind()).isEqualTo(LiveSite.Kind.EDIT);
    assertThat(TestSite.html(site(), "articles/2026/second/index.html").text()).contains("One question per email");
    assertSameAsWholeBake();
  }

  @Test
  void editedSnippetAndIssueNoteMatchAWholeBake() throws IOException {
    Path hello = project.resolve("content/snippets/hello.md");
    replace(hello, "Hi {name},", "Hello {name},");
    Path issue = project.resolve("content/newsletter/2026-11-02.md");
    replace(issue, "Welcome to the first issue.", "Welcome, reader, to the first issue.");

    LiveSite.Update update = live.apply(List.of(hello, issue));

    assertThat(update.ok()).as("%s", update.diagnostics()).isTrue();
    assertThat(update.kind()).isEqualTo(LiveSite.Kind.EDIT);
    assertThat(Files.readString(tmp.resolve("serve/newsletter/2026-11-02/email.txt")))
        .contains("Welcome, reader, to the first issue.");
    assertSameAsWholeBake();
  }

  @Test
  void changedTagsNewFilesAndTemplatesBakeEverything() throws IOException {
    Path second = project.resolve("content/articles/2026/second.md");
    replace(second, "tags: [email]", "tags: [email, phone]");
    assertThat(live.apply(List.of(second)).kind()).isEqualTo(LiveSite.Kind.FULL);
    assertThat(site().resolve("tags/phone.html")).exists();

    Path added = project.resolve("content/articles/2026/third.md");
    TestSite.write(added, "---\ntitle: Third article\ndate: 2026-11-03\n---\n\nA third one.\n");
    assertThat(live.apply(List.of(added)).kind()).isEqualTo(LiveSite.Kind.FULL);

    Path layout = project.resolve("templates/layout.ftl");
    append(layout, "<#-- edited -->\n");
    LiveSite.Update template = live.apply(List.of(layout));
    assertThat(template.kind()).isEqualTo(LiveSite.Kind.FULL);
    assertThat(template.changedFiles()).containsExactly("templates/layout.ftl");
    assertSameAsWholeBake();
  }

  @Test
  void badEditKeepsTheSiteAndIsReportedUntilFixed() throws IOException {
    Path first = project.resolve("content/articles/2026/first.md");
    Map<String, String> before = TestSite.tree(site());
    String good = Files.readString(first);
    replace(first, "date: 2026-09-01", "date: 2026-09-31");

    LiveSite.Update bad = live.apply(List.of(first));

    assertThat(bad.ok()).isFalse();
    assertThat(bad.diagnostics()).extracting(Diagnostic::location).containsExactly("content/articles/2026/first.md:3:7");
    assertThat(bad.diagnostics().get(0).sourceLine()).contains("date: 2026-09-31");
    assertThat(TestSite.tree(site())).isEqualTo(before);

    // Another file's edit does not hide the first file's error.
    Path second = project.resolve("content/articles/2026/second.md");
    append(second, "\nMore.\n");
    assertThat(live.apply(List.of(second)).ok()).isFalse();

    TestSite.write(first, good + "\nFixed.\n");
    LiveSite.Update fixed = live.apply(List.of(first));
    assertThat(fixed.ok()).as("%s", fixed.diagnostics()).isTrue();
    assertThat(fixed.changedFiles()).contains("content/articles/2026/first.md", "content/articles/2026/second.md");
    assertSameAsWholeBake();
  }

  @Test
  void lintErrorInAnEditIsReported() throws IOException {
    Path first = project.resolve("content/articles/2026/first.md");
    append(first, "\nSee [the missing page](/articles/2026/nowhere/).\n");

    LiveSite.Update update = live.apply(List.of(first));

    assertThat(update.ok()).isFalse();
    assertThat(update.diagnostics()).extracting(Diagnostic::message)
        .containsExactly("link /articles/2026/nowhere/ leads to no page");
  }

  @Test
  void changedAssetIsCopied() throws IOException {
    Path css = project.resolve("assets/css/site.css");
    append(css, "\n/* edited */\n");

    LiveSite.Update update = live.apply(List.of(css));

    assertThat(update.kind()).isEqualTo(LiveSite.Kind.ASSETS);
    assertThat(Files.readString(site().resolve("css/site.css"))).endsWith("/* edited */\n");
  }

  @Test
  void previewShowsDraftsAndFutureDocumentsMarked() {
    LiveSite preview = live(true);
    assertThat(preview.bakeAll().ok()).isTrue();
    Path site = tmp.resolve("preview/site");
    assertThat(site.resolve("articles/2026/draft/index.html")).exists();
    assertThat(site.resolve("articles/2026/future/index.html")).exists();
    assertThat(site().resolve("articles/2026/draft/index.html")).doesNotExist();
    Map<String, String> marks = preview.preview().marks();
    assertThat(marks).containsEntry("/articles/2026/draft/", "Draft: not on the published site");
    assertThat(marks.get("/articles/2026/future/")).startsWith("Scheduled: goes live on 2026-");
    assertThat(preview.preview().issues()).extracting(LivePreview.IssueView::id).contains("draft-issue");
    assertThat(live.preview().issues()).extracting(LivePreview.IssueView::id).doesNotContain("draft-issue");
    assertThat(live.preview().hiddenDraftIssues()).isEqualTo(1);
    assertThat(live.preview().marks()).isEmpty();
  }

  private Path site() {
    return tmp.resolve("serve/site");
  }

  private void assertSameAsWholeBake() {
    Path whole = tmp.resolve("whole-" + System.nanoTime());
    SiteBaker.Result result = new SiteBaker(TestSite.JBAKE, s -> {}).bake(
        new SiteBaker.Request(project, whole.resolve("site"), whole.resolve("newsletter"), TestSite.TODAY));
    assertThat(result.ok()).as("%s", result.diagnostics()).isTrue();
    assertThat(TestSite.tree(site())).isEqualTo(TestSite.tree(whole.resolve("site")));
    assertThat(TestSite.tree(tmp.resolve("serve/newsletter"))).isEqualTo(TestSite.tree(whole.resolve("newsletter")));
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, Files.readString(file) + text, StandardCharsets.UTF_8);
  }

  private static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
  }
}
