package press.callback.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import press.callback.content.Entry;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;
import press.callback.testing.Docs;

/** Issue assembly, without I/O: catalogs built in memory. */
class IssueAssemblerTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

  private final Docs docs = new Docs();

  private List<Issue> assemble() throws ContentException {
    return IssueAssembler.assemble(docs.catalog(TODAY));
  }

  private static List<String> titles(List<Entry> entries) {
    return entries.stream().map(Entry::title).toList();
  }

  @Test
  void firstIssueCoversTheSevenDaysUpToItsDate() throws Exception {
    docs.article("too-old", "2026-11-02", "x")
        .article("in-1", "2026-11-03", "x")
        .article("in-2", "2026-11-09", "x")
        .article("after", "2026-11-10", "x")
        .issue("2026-11-09", "", "Note.\n");
    Issue issue = assemble().get(0);
    assertThat(issue.since()).isEqualTo(LocalDate.of(2026, 11, 2));
    assertThat(titles(issue.articles())).containsExactly("in-2", "in-1");
  }

  @Test
  void laterIssuesCoverEverythingSinceThePreviousIssue() throws Exception {
    docs.article("a", "2026-10-01", "x")
        .article("b", "2026-11-05", "x")
        .article("c", "2026-11-16", "x")
        .add("articles/2026/draft.md", "title: draft\ndate: 2026-11-10\nstatus: draft\n", "x")
        .article("future", "2026-11-29", "x")
        .issue("2026-11-02", "", "One.\n")
        .issue("2026-11-16", "", "Two.\n")
        .issue("2026-11-30", "", "Three.\n");
    List<Issue> issues = assemble();
    assertThat(issues).extracting(Issue::id).containsExactly("2026-11-02", "2026-11-16", "2026-11-30");
    assertThat(titles(issues.get(0).articles())).isEmpty();
    assertThat(titles(issues.get(1).articles())).containsExactly("c", "b");
    assertThat(titles(issues.get(2).articles())).containsExactly("future");
  }

  @Test
  void picksTheFirstUnusedTipAndSnippetByFileName() throws Exception {
    docs.tip("b-tip", "2026-10-01").tip("a-tip", "2026-10-01").tip("c-later", "2026-12-01")
        .snippet("z-snippet", "2026-10-01", 1).snippet("m-snippet", "2026-10-01", 2)
        .issue("2026-11-02", "", "One.\n")
        .issue("2026-11-09", "", "Two.\n")
        .issue("2026-11-16", "", "Three.\n");
    List<Issue> issues = assemble();
    assertThat(issues).extracting(i -> i.tip() == null ? null : i.tip().doc().slug())
        .containsExactly("a-tip", "b-tip", null);
    assertThat(issues).extracting(i -> i.snippet() == null ? null : i.snippet().doc().slug())
        .containsExactly("m-snippet", "z-snippet", null);
  }

  @Test
  void prefersAnUnusedSnippetSharingTheMostTagsWithTheIssuesArticles() throws Exception {
    docs.add("articles/2026/taps.md", "title: taps\ndate: 2026-11-01\ntags: [follow-up, email]\n", "x")
        .add("articles/2026/times.md", "title: times\ndate: 2026-11-08\ntags: [scheduling]\n", "x")
        .add("snippets/a-cold.md", snippet("a cold", 3, null, "email, cold-outreach"), Docs.EMAIL)
        .add("snippets/m-third.md", snippet("Third tap", 4, 3, "follow-up, email"), Docs.EMAIL)
        .add("snippets/z-first.md", snippet("First tap", 4, 1, "follow-up, email"), Docs.EMAIL)
        .add("snippets/c-call.md", snippet("Two call times", 5, 1, "scheduling"), Docs.EMAIL)
        .issue("2026-11-02", "", "One.\n")   // taps: follow-up and email
        .issue("2026-11-09", "", "Two.\n")   // times: scheduling
        .issue("2026-11-16", "", "Three.\n") // no articles: the first unused by file name
        .issue("2026-11-23", "", "Four.\n");
    List<Issue> issues = assemble();
    assertThat(issues).extracting(i -> i.snippet().title())
        .as("two shared tags beat one; equals in playbook order, by 'order:' not file name")
        .containsExactly("First tap", "Two call times", "a cold", "Third tap");
  }

  @Test
  void neverPicksAGreetingAndRefusesOneNamed() throws Exception {
    docs.add("snippets/a-greeting.md", "title: Greeting\ndate: 2026-10-01\nkind: greeting\nuse_when: Always.\n"
            + "placeholders: [name, topic]\nstep: 1\norder: 1\n", Docs.EMAIL)
        .snippet("b-email", "2026-10-01", 1)
        .issue("2026-11-02", "", "One.\n")
        .issue("2026-11-09", "", "Two.\n");
    List<Issue> issues = assemble();
    assertThat(issues).extracting(i -> i.snippet() == null ? null : i.snippet().doc().slug())
        .containsExactly("b-email", null);

    docs.issue("2026-11-16", "snippet: a-greeting\n", "Three.\n");
    assertThatThrownBy(this::assemble).isInstanceOfSatisfying(ContentException.class, e ->
        assertThat(e.diagnostics()).extracting(Diagnostic::location, Diagnostic::message).containsExactly(
            org.assertj.core.groups.Tuple.tuple("content/newsletter/2026-11-16.md:4:10",
                "snippet 'a-greeting' is a voice-mail greeting (kind: greeting), not an email to send")));
  }

  private static String snippet(String title, int step, Integer order, String tags) {
    return "title: " + title + "\ndate: 2026-10-01\nsubject: About {topic}\nuse_when: Now.\n"
        + "placeholders: [name, topic]\nstep: " + step + "\n" + (order == null ? "" : "order: " + order + "\n")
        + "tags: [" + tags + "]\n";
  }

  @Test
  void namedPicksWinAndAreNotPickedAgain() throws Exception {
    docs.tip("a-tip", "2026-10-01").tip("b-tip", "2026-10-01")
        .snippet("s1", "2026-10-01", 1).snippet("s2", "2026-10-01", 1)
        .issue("2026-11-02", "tip: b-tip\nsnippet: s2.md\n", "One.\n")
        .issue("2026-11-09", "", "Two.\n");
    List<Issue> issues = assemble();
    assertThat(issues.get(0).tip().doc().slug()).isEqualTo("b-tip");
    assertThat(issues.get(0).snippet().doc().slug()).isEqualTo("s2");
    assertThat(issues.get(1).tip().doc().slug()).isEqualTo("a-tip");
    assertThat(issues.get(1).snippet().doc().slug()).isEqualTo("s1");
  }

  @Test
  void subjectAndPreheaderFallBackToTitleAndFirstSentence() throws Exception {
    docs.issue("2026-11-02", "", "First sentence here. Second one.\n\nMore.\n")
        .issue("2026-11-09", "subject: Own subject\npreheader: Own preheader.\n", "Note.\n");
    List<Issue> issues = assemble();
    assertThat(issues.get(0).subject()).isEqualTo("Issue 2026-11-02");
    assertThat(issues.get(0).preheader()).isEqualTo("First sentence here.");
    assertThat(issues.get(1).subject()).isEqualTo("Own subject");
    assertThat(issues.get(1).preheader()).isEqualTo("Own preheader.");
  }

  @Test
  void leavesOutDraftsButAssemblesFutureIssues() throws Exception {
    docs.issue("2026-11-02", "status: draft\n", "Draft.\n").issue("2026-12-07", "", "Later.\n");
    List<Issue> issues = assemble();
    assertThat(issues).extracting(Issue::id).containsExactly("2026-12-07");
    assertThat(issues.get(0).entry().visible()).isFalse();
    assertThat(issues.get(0).url()).isEqualTo("/newsletter/2026-12-07/");
  }

  @Test
  void reportsUnknownTipAndSnippetNames() {
    docs.tip("real-tip", "2026-10-01")
        .issue("2026-11-02", "tip: no-such-tip\nsnippet: nope\n", "Note.\n");
    assertThatThrownBy(this::assemble)
        .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics())
            .extracting(Diagnostic::format)
            .containsExactly(
                "content/newsletter/2026-11-02.md:4:6: error: unknown tip 'no-such-tip'\n"
                    + "  hint: name a file in content/tips/ without '.md': real-tip",
                "content/newsletter/2026-11-02.md:5:10: error: unknown snippet 'nope'\n"
                    + "  hint: name a file in content/snippets/ without '.md' (there are none yet)"));
  }

  @Test
  void reportsATipDatedAfterTheIssue() {
    docs.tip("later", "2026-12-01").issue("2026-11-02", "tip: later\n", "Note.\n");
    assertThatThrownBy(this::assemble)
        .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics().get(0).message())
            .isEqualTo("tip 'later' is dated 2026-12-01, after this issue"));
  }

  @Test
  void reportsAnIssueWithNothingInIt() {
    docs.issue("2026-11-02", "", "");
    assertThatThrownBy(this::assemble)
        .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics())
            .extracting(Diagnostic::location, Diagnostic::message)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("content/newsletter/2026-11-02.md:1:1",
                "issue has nothing in it: no note, no articles since 2026-10-26, no tip, no snippet")));
  }

  @Test
  void reportsTwoIssuesOnOneDateAndMisnamedFiles() {
    docs.issue("2026-11-02", "", "One.\n")
        .add("newsletter/extra.md", "title: Extra\ndate: 2026-11-02\n", "Two.\n")
        .add("newsletter/2026-11-09.md", "title: Misnamed\ndate: 2026-11-10\n", "Three.\n");
    assertThatThrownBy(this::assemble)
        .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics())
            .extracting(Diagnostic::path, Diagnostic::message)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("content/newsletter/extra.md",
                    "two issues on 2026-11-02: this one and content/newsletter/2026-11-02.md"),
                org.assertj.core.groups.Tuple.tuple("content/newsletter/2026-11-09.md",
                    "file name says 2026-11-09 but 'date' is 2026-11-10")));
  }

  @Test
  void firstSentenceOfText() {
    assertThat(IssueAssembler.firstSentence("Hello there. More text.", "x")).isEqualTo("Hello there.");
    assertThat(IssueAssembler.firstSentence("Is it? Yes.", "x")).isEqualTo("Is it?");
    assertThat(IssueAssembler.firstSentence("  ", "fallback")).isEqualTo("fallback");
  }
}
