package press.callback.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;

class CatalogTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  private static final List<String> STEPS = List.of("One", "Two", "Three", "Four", "Five");

  private final List<Document> docs = new ArrayList<>();

  private void add(String contentPath, String frontMatter, String body) throws ContentException {
    String path = "content/" + contentPath;
    SourceFile s = new FrontMatterParser().parse(path, "---\n" + frontMatter + "---\n" + body);
    docs.add(new DocumentReader(DocumentReader.Settings.defaults()).read(s, contentPath));
  }

  private Catalog build(Set<String> reserved) throws ContentException {
    return new CatalogBuilder(new CatalogBuilder.Settings(UriScheme.pretty(), STEPS, "tags", reserved))
        .build(docs, TODAY);
  }

  private Catalog build() throws ContentException {
    return build(Set.of("index.html", "feed.xml"));
  }

  private void article(String slug, String date, String tags) throws ContentException {
    add("articles/2026/" + slug + ".md", "title: " + slug + "\ndate: " + date + "\ntags: [" + tags + "]\n", "Text of " + slug + ".\n");
  }

  @Test
  void deeplyNestedMarkdownIsAnError() throws Exception {
    // Each once overflowed the stack while rendering: a stack trace without the file's name.
    add("articles/2026/quotes.md", "title: Quotes\ndate: 2026-01-01\n", "Intro.\n\n" + ">".repeat(3_000) + " x\n");
    add("snippets/lists.md", "title: Lists\ndate: 2026-01-01\nsubject: S\nuse_when: W\nstep: 1\n",
        "Hi,\n\n## Notes\n\n" + "- ".repeat(300) + "x\n");
    add("articles/2026/line.md", "title: Line\ndate: 2026-01-01\n", "- ".repeat(100_000) + "x\n");
    article("fine", "2026-01-02", "email");
    assertThatThrownBy(this::build)
        .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics())
            .extracting(Diagnostic::format)
            .containsExactly(
                "content/articles/2026/line.md:5: error: the Markdown cannot be rendered: it overflowed the renderer's stack\n"
                    + "  hint: look for a line that repeats a marker ('- ', '> ', '*') thousands of times",
                "content/articles/2026/quotes.md:7:1: error: the Markdown is nested too deeply (3,002 levels; at most 100)\n"
                    + "  hint: quotes, lists and emphasis inside one another need a few levels; close them sooner",
                "content/snippets/lists.md:12:1: error: the Markdown is nested too deeply (602 levels; at most 100)\n"
                    + "  hint: quotes, lists and emphasis inside one another need a few levels; close them sooner"));
  }

  @Test
  void filesDifferingOnlyInCaseAreRefused() throws Exception {
    // Their pages are one file on a case-insensitive disk (macOS, Windows): one would be lost.
    article("About-us", "2026-01-01", "email");
    add("articles/2026/about-US.md", "title: Other\ndate: 2026-01-01\n", "x");
    assertThatThrownBy(this::build)
        .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics())
            .extracting(Diagnostic::format)
            .containsExactly("content/articles/2026/about-US.md: error: writes the same page as"
                + " content/articles/2026/About-us.md (articles/2026/about-US/index.html and"
                + " articles/2026/About-us/index.html differ only in case)\n"
                + "  hint: rename or move one of the two files"));
  }

  @Test
  void listsVisibleArticlesNewestFirst() throws Exception {
    article("old", "2026-01-01", "email");
    article("new", "2026-11-01", "email");
    article("same-day-b", "2026-06-01", "email");
    article("same-day-a", "2026-06-01", "email");
    add("articles/2026/draft.md", "title: D\ndate: 2026-10-01\nstatus: draft\ntags: [secret]\n", "x");
    add("articles/2026/future.md", "title: F\ndate: 2026-12-24\ntags: [later]\n", "x");
    Catalog c = build();
    assertThat(c.articles()).extracting(Entry::title).containsExactly("new", "same-day-a", "same-day-b", "old");
    assertThat(c.all()).hasSize(6);
    assertThat(c.entry("content/articles/2026/draft.md").visible()).isFalse();
    assertThat(c.tags()).extracting(Catalog.Tag::name).containsExactly("email");
    assertThat(c.latest(2)).extracting(Entry::title).containsExactly("new", "same-day-a");
    assertThat(c.lastUpdated()).isEqualTo(LocalDate.of(2026, 11, 1));
  }

  @Test
  void findsOlderAndNewerNeighboursAmongVisibleOnes() throws Exception {
    article("a", "2026-01-01", "x");
    add("articles/2026/b.md", "title: b\ndate: 2026-02-01\nstatus: draft\n", "x");
    article("c", "2026-03-01", "x");
    Catalog c = build();
    Entry a = c.entry("content/articles/2026/a.md");
    Entry cc = c.entry("content/articles/2026/c.md");
    assertThat(c.newer(a)).isEqualTo(cc);
    assertThat(c.older(cc)).isEqualTo(a);
    assertThat(c.older(a)).isNull();
    assertThat(c.newer(cc)).isNull();
  }

  @Test
  void groupsSnippetsByStepAndRelatesThemByTags() throws Exception {
    article("a", "2026-01-01", "email, follow-up");
    snippet("one", 1, "email");
    snippet("two", 1, "follow-up, email");
    snippet("three", 4, "scheduling");
    Catalog c = build();
    assertThat(c.steps()).extracting(Catalog.Step::name).containsExactlyElementsOf(STEPS);
    assertThat(c.steps().get(0).snippets()).extracting(Entry::title).containsExactly("one", "two");
    assertThat(c.steps().get(3).snippets()).extracting(Entry::title).containsExactly("three");
    assertThat(c.steps().get(2).snippets()).isEmpty();
    Entry article = c.entry("content/articles/2026/a.md");
    assertThat(c.relatedSnippets(article, 5)).extracting(Entry::title).containsExactly("two", "one");
    assertThat(c.relatedSnippets(article, 1)).extracting(Entry::title).containsExactly("two");
  }

  @Test
  void ordersTemplatesWithinAStepByOrderThenTitle() throws Exception {
    add("snippets/closing.md", "title: Closing the file\ndate: 2026-01-01\nsubject: Hi\nuse_when: Last.\nstep: 4\norder: 3\n", EMAIL);
    add("snippets/first.md", "title: First tap\ndate: 2026-01-01\nsubject: Hi\nuse_when: First.\nstep: 4\norder: 1\n", EMAIL);
    add("snippets/second.md", "title: Second tap\ndate: 2026-01-01\nsubject: Hi\nuse_when: Then.\nstep: 4\norder: 2\n", EMAIL);
    add("snippets/also.md", "title: Also second\ndate: 2026-01-01\nsubject: Hi\nuse_when: Or.\nstep: 4\norder: 2\n", EMAIL);
    add("snippets/any.md", "title: Any time\ndate: 2026-01-01\nsubject: Hi\nuse_when: Any.\nstep: 4\n", EMAIL);
    Catalog c = build();
    assertThat(c.steps().get(3).snippets()).extracting(Entry::title)
        .containsExactly("First tap", "Also second", "Second tap", "Closing the file", "Any time");
    assertThat(c.snippets()).extracting(Entry::title)
        .containsExactly("First tap", "Also second", "Second tap", "Closing the file", "Any time");
  }

  private static final String EMAIL = "Hi {name},\n\nCan we talk?\n";

  private void snippet(String slug, int step, String tags) throws ContentException {
    add(
        "snippets/" + slug + ".md",
        "title: " + slug + "\ndate: 2026-01-01\nsubject: Hi\nuse_when: Now.\nstep: " + step + "\ntags: [" + tags + "]\n",
        "Hi {name},\n\nCan we talk on {day}?\n\nThanks,\n{your_name}\n\n## Why it works\n\nIt is short.\n");
  }

  @Test
  void splitsASnippetIntoTheEmailAndItsNotes() throws Exception {
    snippet("one", 1, "email");
    Entry e = build().snippets().get(0);
    assertThat(e.body().email().text()).isEqualTo("Hi {name},\n\nCan we talk on {day}?\n\nThanks,\n{your_name}");
    assertThat(e.body().email().html()).doesNotContain("Why it works");
    assertThat(e.body().notesHtml()).contains("<h2 id=\"why-it-works\">Why it works</h2>");
    assertThat(e.summary()).isEqualTo("Hi {name},");
  }

  @Test
  void derivesSummaryAndReadingTime() throws Exception {
    add("articles/2026/long.md", "title: Long\ndate: 2026-01-01\n", "## Heading first\n\nFirst *real* paragraph.\n\n" + "word ".repeat(500) + "\n");
    Entry e = build().articles().get(0);
    assertThat(e.summary()).isEqualTo("First real paragraph.");
    assertThat(e.body().words()).isEqualTo(505);
    assertThat(e.body().readingMinutes()).isEqualTo(3);
  }

  @Test
  void groupsArticlesByYear() throws Exception {
    article("a", "2025-05-01", "x");
    article("b", "2026-05-01", "x");
    article("c", "2026-06-01", "x");
    assertThat(build().years())
        .extracting(y -> y.year() + ":" + y.articles().size())
        .containsExactly("2026:2", "2025:1");
  }

  @Test
  void rejectsTwoFilesForOnePage() throws Exception {
    add("about.md", "title: About\n", "x");
    add("about.html", "title: About too\n", "<p>x</p>");
    add("index.md", "title: Home\n", "x");
    assertThatThrownBy(() -> build(Set.of("index/index.html")))
        .isInstanceOfSatisfying(
            ContentException.class,
            e ->
                assertThat(e.diagnostics())
                    .extracting(Diagnostic::format)
                    .containsExactly(
                        "content/about.md: error: writes the same page as content/about.html (about/index.html)\n"
                            + "  hint: rename or move one of the two files",
                        "content/index.md: error: writes index/index.html, which the site generates itself\n"
                            + "  hint: rename or move the file"));
  }
}
