package press.callback.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.content.Scaffold;
import press.callback.site.SiteBaker;
import press.callback.testing.TestSite;

/**
 * {@code press new} in a copy of the {@code basic} fixture: the drafts it writes, what it
 * refuses, and real bakes of the result.
 */
class NewCommandTest {
  /** {@link TestSite#TODAY}, a Friday, at 10:00 UTC. */
  private static final Instant FRIDAY = Instant.parse("2026-11-27T10:00:00Z");
  private static final List<String> STEPS = List.of(
      "Skip the voice mail", "Find the email address", "Write a short, compelling email",
      "Build the back-and-forth", "Book the call by email");

  @TempDir Path tmp;
  private Path project;
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void createProject() {
    project = TestSite.create(tmp, "basic");
  }

  private int press(Instant now, String... args) {
    out = new StringWriter();
    err = new StringWriter();
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    return new Main(new PrintWriter(out), new PrintWriter(err), clock, Map.of(), false).run(args);
  }

  /** {@code press new KIND ARG --source project} on {@link #FRIDAY}. */
  private int pressNew(String kind, String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("new", kind));
    all.addAll(List.of(args));
    all.addAll(List.of("--source", project.toString()));
    return press(FRIDAY, all.toArray(String[]::new));
  }

  private Path content(String path) {
    return project.resolve("content").resolve(path);
  }

  /** Starts one piece of every kind, as an author would on {@link #FRIDAY}. */
  private void startOneOfEach() {
    assertThat(pressNew("article", "Ring once, then write")).as(err.toString()).isZero();
    assertThat(pressNew("snippet", "Ask for ten minutes")).as(err.toString()).isZero();
    assertThat(pressNew("tip", "Smile while you type")).as(err.toString()).isZero();
    assertThat(press(FRIDAY, "new", "issue", "--source", project.toString())).as(err.toString()).isZero();
  }

  @Test
  void writesEachKindWhereItsTypeLivesAndPrintsThePath() {
    assertThat(pressNew("article", "Ring once, then write")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).isEqualTo(content("articles/2026/ring-once-then-write.md") + "\n");
    assertThat(err.toString()).isEmpty();
    assertThat(TestSite.read(content("articles/2026/ring-once-then-write.md")))
        .isEqualTo(Scaffold.article("Ring once, then write", TestSite.TODAY).text());

    assertThat(pressNew("snippet", "Ask for ten minutes")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).isEqualTo(content("snippets/ask-for-ten-minutes.md") + "\n");
    assertThat(TestSite.read(content("snippets/ask-for-ten-minutes.md")))
        .as("lists the steps of the project's playbook")
        .isEqualTo(Scaffold.snippet("Ask for ten minutes", TestSite.TODAY, STEPS, null).text());

    assertThat(pressNew("tip", "Smile while you type")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).isEqualTo(content("tips/smile-while-you-type.md") + "\n");
    assertThat(TestSite.read(content("tips/smile-while-you-type.md")))
        .isEqualTo(Scaffold.tip("Smile while you type", TestSite.TODAY).text());

    assertThat(pressNew("issue", "2026-12-14")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).isEqualTo(content("newsletter/2026-12-14.md") + "\n");
    assertThat(TestSite.read(content("newsletter/2026-12-14.md")))
        .isEqualTo(Scaffold.issue(LocalDate.of(2026, 12, 14)).text());
  }

  @Test
  void anIssueWithoutADateIsForTheNextMonday() {
    assertThat(press(FRIDAY, "new", "issue", "--source", project.toString())).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).isEqualTo(content("newsletter/2026-11-30.md") + "\n");
    // On a Monday, the next issue is a week later (that day's is written by then).
    assertThat(press(Instant.parse("2026-12-14T07:00:00Z"), "new", "issue", "--source", project.toString()))
        .isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).isEqualTo(content("newsletter/2026-12-21.md") + "\n");
  }

  @Test
  void draftsOfEveryKindBakeWithoutErrorsAndStayOffTheSite() {
    startOneOfEach();
    Path site = tmp.resolve("out/site");
    SiteBaker.Result result = TestSite.bake(project, site);

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.ok()).isTrue();
    assertThat(result.documents()).as("published: the fixture's twelve, no more").isEqualTo(12);
    assertThat(result.hidden()).as("left out: the fixture's five and the four drafts").isEqualTo(9);
    assertThat(result.emails()).as("the fixture's two issues; no email for the draft").isEqualTo(2);
    assertThat(site.resolve("articles/2026/ring-once-then-write")).doesNotExist();
    assertThat(site.resolve("snippets/ask-for-ten-minutes")).doesNotExist();
    assertThat(site.resolve("tips/smile-while-you-type")).doesNotExist();
    assertThat(site.resolve("newsletter/2026-11-30")).doesNotExist();
    assertThat(tmp.resolve("out/newsletter/2026-11-30")).doesNotExist();
    for (String page : List.of("index.html", "archive/index.html", "snippets/index.html", "tips/index.html",
        "newsletter/index.html", "sitemap.xml", "feed.xml", "newsletter.xml")) {
      assertThat(TestSite.read(site.resolve(page)))
          .as(page)
          .doesNotContain("Ring once", "ring-once", "Ask for ten", "ask-for-ten", "Smile while", "smile-while",
              "Issue of 2026-11-30", "2026-11-30/");
    }
  }

  @Test
  void anUneditedDraftIsRefusedOnceItsStatusLineIsDeleted() throws IOException {
    startOneOfEach();
    assertThat(pressNew("snippet", "Ask for a time", "--step", "5")).as(err.toString()).isZero();
    for (String path : List.of("articles/2026/ring-once-then-write.md", "snippets/ask-for-a-time.md",
        "tips/smile-while-you-type.md", "newsletter/2026-11-30.md")) {
      publish(path, text -> text);
    }

    SiteBaker.Result result = TestSite.bake(project, tmp.resolve("out/site"));

    assertThat(result.diagnostics()).extracting(d -> d.path() + ":" + d.line() + ": " + d.message()).containsExactly(
        "content/articles/2026/ring-once-then-write.md:8: this is still press new's guide text: \"" + Scaffold.GUIDE_TEXT.get(0) + "\"",
        "content/newsletter/2026-11-30.md:10: this is still press new's guide text: \"" + Scaffold.GUIDE_TEXT.get(7) + "\"",
        "content/snippets/ask-for-a-time.md:5: 'use_when' is still press new's guide text: \"" + Scaffold.GUIDE_TEXT.get(2) + "\"",
        "content/snippets/ask-for-a-time.md:19: this is still press new's guide text: \"" + Scaffold.GUIDE_TEXT.get(3) + "\"",
        "content/tips/smile-while-you-type.md:7: this is still press new's guide text: \"" + Scaffold.GUIDE_TEXT.get(6) + "\"");
  }

  @Test
  void aSnippetPublishedWithoutChoosingItsStepIsAskedForIt() throws IOException {
    startOneOfEach();
    publish("snippets/ask-for-ten-minutes.md", text -> text);

    SiteBaker.Result result = TestSite.bake(project, tmp.resolve("out/site"));

    assertThat(result.diagnostics()).extracting(d -> d.path() + ": " + d.message() + " / " + d.hint())
        .containsExactly("content/snippets/ask-for-ten-minutes.md: front matter has no 'step'"
            + " / write 'step: N' with N from 1 to 5, the playbook step it serves");
  }

  @Test
  void aStepOutOfThePlaybookIsAUsageError() {
    assertThat(pressNew("snippet", "Ask", "--step", "6")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--step must be a number from 1 to 5");
  }

  @Test
  void draftsBakeCleanlyOnceWrittenAndTheirStatusLineIsDeleted() throws IOException {
    startOneOfEach();
    publish("articles/2026/ring-once-then-write.md", text -> text.replace("Open with the reader's problem in two or three sentences.",
        "A voice mail waits; an email gets read.").replace("Keep paragraphs short. Link to other pieces by their address,", "Short paragraphs,"));
    publish("snippets/ask-for-ten-minutes.md", text -> text.replace("Write the email as you would send it: every line break here is kept.",
            "I run the spring fair and need one answer from you.")
        .replace("Keep it to 50 to 125 plain words: `press coach` on this file shows the figures.", "It takes a minute.")
        .replace("Everything from the first `##` heading on is shown below the email.", "It is short.")
        .replace("One sentence: the moment to send this email.", "When you need one answer from a busy person.")
        .replaceFirst("(?m)^step: .*$", "step: 3"));
    publish("tips/smile-while-you-type.md", text -> text.replace("One short paragraph: what to do, why it works, and an example the reader can try",
        "Smile as you write the first line; people hear it"));
    publish("newsletter/2026-11-30.md", text -> text.replace("The editor's note, in Markdown: 80 to 200 words, after a greeting with the reader's",
        "This week is about the first line of an email, the one a busy reader sees in the preview, and how to make the"));
    Path site = tmp.resolve("out/site");
    SiteBaker.Result result = TestSite.bake(project, site);

    assertThat(result.diagnostics()).as("content lint, issue assembly and the email gate pass")
        .extracting(d -> d.format()).isEmpty();
    assertThat(result.documents()).as("the article, template and tip join the twelve").isEqualTo(15);
    assertThat(result.emails()).as("the issue, dated after the build date, is baked as email").isEqualTo(3);
    assertThat(site.resolve("articles/2026/ring-once-then-write/index.html")).exists();
    assertThat(site.resolve("snippets/ask-for-ten-minutes/index.html")).exists();
    assertThat(site.resolve("tips/smile-while-you-type/index.html")).exists();
    assertThat(tmp.resolve("out/newsletter/2026-11-30/email.eml")).exists();
  }

  /** Deletes the draft's status line after {@code edit}, as an author publishing it would. */
  private void publish(String path, java.util.function.UnaryOperator<String> edit) throws IOException {
    String text = TestSite.read(content(path));
    String published = edit.apply(text).replaceFirst("(?m)^status: draft .*\n", "");
    assertThat(published).as(path).isNotEqualTo(text);
    Files.writeString(content(path), published);
  }

  @Test
  void aSecondNewWithTheSameTitleFailsAndLeavesTheFirstFileAsItWas() throws IOException {
    assertThat(pressNew("tip", "Name the time zone")).isEqualTo(ExitCodes.OK);
    Path tip = content("tips/name-the-time-zone.md");
    // The author has started writing: a rewrite, even with the same scaffold, would lose this.
    Files.writeString(tip, TestSite.read(tip) + "\nSay 'Eastern', not 'my time'.\n");
    byte[] before = Files.readAllBytes(tip);

    int code = press(Instant.parse("2026-12-01T09:00:00Z"), "new", "tip", "Name the Time-Zone!", "--source", project.toString());

    assertThat(code).isEqualTo(ExitCodes.CONTENT);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEqualTo(
        "content/tips/name-the-time-zone.md: error: already exists; press new never overwrites a file\n"
            + "  hint: edit that file, or start the new piece under another title\n");
    assertThat(Files.readAllBytes(tip)).isEqualTo(before);
  }

  @Test
  void anExistingIssueIsKeptAndTheHintNamesTheFollowingMonday() throws IOException {
    Path issue = content("newsletter/2026-12-07.md");
    byte[] before = Files.readAllBytes(issue);
    assertThat(pressNew("issue", "2026-12-07")).isEqualTo(ExitCodes.CONTENT);
    assertThat(err.toString()).isEqualTo(
        "content/newsletter/2026-12-07.md: error: already exists; press new never overwrites a file\n"
            + "  hint: edit that issue, or give another date: press new issue 2026-12-14\n");
    assertThat(Files.readAllBytes(issue)).isEqualTo(before);
  }

  @Test
  void rejectsAnIssueDateThatIsNotADay() {
    Map<String, String> before = TestSite.tree(project);
    for (String date : List.of("2026-02-30", "30/11/2026", "2026-11-3", "monday")) {
      assertThat(pressNew("issue", date)).as(date).isEqualTo(ExitCodes.USAGE);
      assertThat(err.toString()).as(date)
          .contains("'" + date + "' is not a date; write yyyy-MM-dd, for example 2026-11-30")
          .contains("Usage: press new issue");
    }
    assertThat(TestSite.tree(project)).isEqualTo(before);
  }

  @Test
  void rejectsATitleThatGivesNoFileName() {
    Map<String, String> before = TestSite.tree(project);
    assertThat(pressNew("article", "?!…")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).startsWith("the title '?!…' has no letter a-z or digit to name the file after;");
    assertThat(pressNew("tip", "   ")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).startsWith("the title is empty\nUsage: press new tip");
    assertThat(TestSite.tree(project)).isEqualTo(before);
  }

  @Test
  void withoutAKindSaysWhatItCanStart() {
    assertThat(press(FRIDAY, "new")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).startsWith("say what to start: press new article|snippet|tip|issue\n");
    assertThat(press(FRIDAY, "new", "--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("Usage: press new", "article", "snippet", "tip", "issue");
    assertThat(press(FRIDAY, "--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).containsPattern("\n  new +Writes the first draft");
  }

  @Test
  void refusesAKindTheProjectHasNoTypeFor() throws IOException {
    Path blog = tmp.resolve("blog");
    TestSite.copyFixture("jbake-blog", blog);
    Files.createDirectories(blog.resolve("content"));
    assertThat(press(FRIDAY, "new", "snippet", "Hello", "--source", blog.toString())).isEqualTo(ExitCodes.CONTENT);
    assertThat(err.toString()).startsWith(
        "jbake.properties: error: this project has no 'snippet' content type, so it has nowhere to put a new snippet\n");
    assertThat(blog.resolve("content/snippets")).doesNotExist();
  }

  @Test
  void aFileWhereTheFolderShouldBeIsAContentError() throws IOException {
    Path tips = content("tips");
    TestSite.write(tmp.resolve("stray"), "not a folder\n");
    deleteTree(tips);
    Files.copy(tmp.resolve("stray"), tips);
    assertThat(pressNew("tip", "Hello")).isEqualTo(ExitCodes.CONTENT);
    assertThat(err.toString()).isEqualTo(
        "content/tips/hello.md: error: cannot create its folder: " + tips + " is a file, not a folder\n"
            + "  hint: check that every folder on the way is a folder, and writable\n");
    assertThat(TestSite.read(tips)).isEqualTo("not a folder\n");
  }

  private static void deleteTree(Path root) throws IOException {
    try (var files = Files.walk(root)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void aMissingProjectIsAContentError() {
    assertThat(press(FRIDAY, "new", "tip", "Hello", "--source", tmp.resolve("nowhere").toString()))
        .isEqualTo(ExitCodes.CONTENT);
    assertThat(err.toString()).contains("error: project folder not found");
    assertThat(tmp.resolve("nowhere")).doesNotExist();
  }
}
