package press.callback.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import press.callback.diag.Diagnostic;
import press.callback.testing.Docs;

class ContentLintTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  private static final ContentLint LINT = new ContentLint(new ContentLint.Settings(
      TODAY, 60, ContentLint.ReplyGate.DEFAULT, 200, Set.of("/", "/archive/", "/snippets/"), path -> path.equals("/img/chart.png")));

  /** The lint without the reply-readiness gate, for tests of other snippet rules. */
  private static final ContentLint WITHOUT_GATE = new ContentLint(new ContentLint.Settings(
      TODAY, 60, new ContentLint.ReplyGate(0, 10_000, 100, 100, 100), 200, Set.of(), path -> false));

  private final Docs docs = new Docs();

  private List<String> check() throws Exception {
    return LINT.check(docs.catalog(TODAY)).stream().map(d -> d.location() + " " + d.message()).toList();
  }

  @Test
  void aCleanLibraryPasses() throws Exception {
    docs.article("a", "2026-10-01", "email")
        .snippet("s", "2026-10-01", 3)
        .add("about.md", "title: About\n", "See [a](/articles/2026/a/), [the list](/snippets/), [email](/tags/email.html), "
            + "![chart](/img/chart.png) and [step](/playbook/#step-2).\n")
        .add("playbook.md", "title: Playbook\n", "## Two {#step-2}\n\nText.\n");
    assertThat(check()).isEmpty();
  }

  @Test
  void checksSnippetPlaceholdersSubjectAndLength() throws Exception {
    docs.add("snippets/bad.md",
        "title: Bad\ndate: 2026-10-01\nsubject: A subject line that is far too long for any inbox to show whole\n"
            + "use_when: Never.\nplaceholders: [name, unused]\nstep: 1\n",
        "Hi {name}, about {topic}:\n\n" + "word ".repeat(149) + "word?\n\n## Why it works\n\nIt does not.\n");
    assertThat(check()).containsExactly(
        "content/snippets/bad.md:4:10 subject is 63 characters; at most 60 show in an inbox",
        "content/snippets/bad.md:4:10 subject is 14 words; subjects of 3–6 words get the most replies",
        "content/snippets/bad.md:6:15 placeholder {unused} is declared but not used",
        "content/snippets/bad.md:9:1 the email is 154 words; emails of 50–125 words get the most replies",
        "content/snippets/bad.md:9:1 the email reads at grade 26.3 (Flesch–Kincaid); at most 8",
        "content/snippets/bad.md:9:18 placeholder {topic} is not declared");
  }

  @Test
  void aGreetingIsNotHeldToTheEmailRules() throws Exception {
    // Spoken into a voice mailbox: no subject, nobody replies, so no reply gate and no ask; its
    // placeholders are still checked.
    docs.add("snippets/greeting.md",
        "title: Greeting\ndate: 2026-10-01\nkind: greeting\nuse_when: Always.\nplaceholders: [your_name, spare]\nstep: 1\n",
        "Hi, you have reached {your_name}. Email is the fastest way to reach me.\n");
    assertThat(check()).containsExactly(
        "content/snippets/greeting.md:6:15 placeholder {spare} is declared but not used");
  }

  @Test
  void rawHtmlThatRunsScriptIsAnError() throws Exception {
    // Raw HTML passes through Markdown as it is: an onerror= or a javascript: address in it ran
    // on the site's page (the email gate refuses the email). Code that shows such HTML is fine.
    docs.add("articles/2026/raw.md", "title: Raw\ndate: 2026-10-01\n",
        "Text.\n\n<img src=\"/img/chart.png\" alt=\"\" OnError=\"alert(1)\">\n\n"
            + "A <a href=\" JavaScript:go()\">link</a> and `<b onclick=\"x()\">` in code.\n\n"
            + "```html\n<button onclick=\"x()\">shown, not run</button>\n```\n")
        .issue("2026-11-02", "", "Hello <span onmouseover=\"x()\">there</span>.\n");
    assertThat(check()).containsExactly(
        "content/articles/2026/raw.md:7:1 raw HTML with an event handler attribute: onerror on <img>",
        "content/articles/2026/raw.md:9:3 raw HTML with a script address: href=\" JavaScript:go()\" on <a>",
        "content/newsletter/2026-11-02.md:5:7 raw HTML with an event handler attribute: onmouseover on <span>");
  }

  @Test
  void snippetEmailMustEndWithAQuestionOrAnAsk() throws Exception {
    docs.add("snippets/statement.md",
        "title: Statement\ndate: 2026-10-01\nsubject: Next week\nuse_when: Never.\nplaceholders: [name, your_name]\nstep: 5\n",
        "Hi {name},\n\nThanks for the call. I will send the notes on Tuesday.\n\nThanks,\n{your_name}\n\n## Why it works\n\nIt does not.\n")
        .add("snippets/request.md",
            "title: Request\ndate: 2026-10-01\nsubject: Notes\nuse_when: Always.\nplaceholders: [name]\nstep: 5\n",
            "Hi {name},\n\nThe notes are below.\nPlease reply with any fixes by Friday.\n\nBest,\n{name}\n")
        .add("snippets/question.md",
            "title: Question\ndate: 2026-10-01\nsubject: Two times\nuse_when: Always.\nplaceholders: [name]\nstep: 5\n",
            "Hi {name}, is it \"Tuesday\" or \"Wednesday?\"\n");
    assertThat(WITHOUT_GATE.check(docs.catalog(TODAY))).extracting(Diagnostic::format).containsExactly(
        "content/snippets/statement.md:11:22: error: the email ends without a question or an ask:"
            + " \"I will send the notes on Tuesday.\"\n"
            + "  hint: end with a question (…?) or a clear request (please …, could you …, let me know …):"
            + " readers answer what they are asked");
  }

  @Test
  void snippetEmailMustBeReplyReady() throws Exception {
    String front = "date: 2026-10-01\nuse_when: Always.\nplaceholders: [name]\nstep: 3\n";
    String plain = "I run the booking desk at a small hotel near the station. We keep two rooms free for"
        + " people who travel for work, and I thought of your team when I saw the new office. If it helps,"
        + " I can hold a room for your next visit at the usual rate.\n\n";
    docs.add("snippets/short.md", "title: Short\nsubject: Quick question\n" + front, "Hi {name}, free on Friday?\n")
        .add("snippets/plain.md", "title: Plain\nsubject: A room near your office\n" + front,
            "Hi {name},\n\n" + plain + "Shall I hold one for you?\n")
        .add("snippets/harder.md", "title: Harder\nsubject: A room near your office\n" + front,
            "Hi {name},\n\n" + plain.replace("people who travel for work", "professionals travelling"
                + " internationally on corporate assignments requiring considerable flexibility")
                + "Shall I hold one for you?\n")
        .add("snippets/hardest.md", "title: Hardest\nsubject: Accommodation availability\n" + front,
            "Hi {name},\n\nOur establishment maintains considerable availability, particularly regarding"
                + " accommodation suitable for organisational representatives undertaking international"
                + " professional responsibilities, notwithstanding seasonal fluctuations, administrative"
                + " complications and unpredictable operational circumstances affecting institutional"
                + " hospitality arrangements. Would reservation assistance be beneficial?\n")
        .add("snippets/wordy.md", "title: Wordy\nsubject: About the room we talked about on the phone\n" + front,
            "Hi {name},\n\n" + plain + "Shall I hold one for you?\n");
    assertThat(LINT.check(docs.catalog(TODAY))).extracting(d -> d.severity().label() + " " + d.location() + " " + d.message())
        .containsExactly(
            "warning content/snippets/harder.md:9:1 the email reads at grade 6.7 (Flesch–Kincaid); aim for 6 or lower",
            "error content/snippets/hardest.md:9:1 the email is 36 words; emails of 50–125 words get the most replies",
            "error content/snippets/hardest.md:9:1 the email reads at grade 32.4 (Flesch–Kincaid); at most 8",
            "error content/snippets/short.md:9:1 the email is 5 words; emails of 50–125 words get the most replies",
            "warning content/snippets/wordy.md:3:10 subject is 9 words; subjects of 3–6 words get the most replies");
  }

  @Test
  void checksSummariesWrittenOrDerived() throws Exception {
    docs.add("articles/2026/w.md", "title: W\ndate: 2026-10-01\nsummary: " + "x".repeat(201) + "\n", "Short.\n")
        .add("articles/2026/d.md", "title: D\ndate: 2026-10-01\n", "\n" + "y".repeat(201) + "\n");
    assertThat(check()).containsExactly(
        "content/articles/2026/d.md:6:1 the first paragraph, used as the summary, is 201 characters; at most 200",
        "content/articles/2026/w.md:4:10 summary is 201 characters; at most 200");
  }

  @Test
  void titlesAreUnique() throws Exception {
    docs.add("articles/2026/a.md", "title: Same\ndate: 2026-10-01\n", "x\n")
        .add("tips/b.md", "title: same\ndate: 2026-10-01\n", "x\n");
    assertThat(check()).containsExactly(
        "content/tips/b.md:2:8 title 'same' is also the title of content/articles/2026/a.md");
  }

  @Test
  void internalLinksMustLeadToPublishedPagesAndHeadings() throws Exception {
    docs.article("target", "2026-10-01", "x")
        .add("articles/2026/draft.md", "title: Draft\ndate: 2026-10-01\nstatus: draft\n", "x\n")
        .add("articles/2026/later.md", "title: Later\ndate: 2026-12-24\n", "x\n")
        .add("about.md", "title: About\n",
            "One [missing](/articles/2026/nope/).\n"
                + "Two [no slash](/articles/2026/target).\n"
                + "Three [draft](/articles/2026/draft/) and [later](/articles/2026/later/).\n"
                + "Four [bad anchor](/articles/2026/target/#nowhere).\n"
                + "Five ![img](/img/missing.png).\n");
    assertThat(check()).containsExactly(
        "content/about.md:4:15 link /articles/2026/nope/ leads to no page",
        "content/about.md:5:16 link /articles/2026/target lacks the trailing slash",
        "content/about.md:6:15 link /articles/2026/draft/ leads to a draft (content/articles/2026/draft.md)",
        "content/about.md:6:50 link /articles/2026/later/ leads to a page published only on 2026-12-24",
        "content/about.md:7:19 link /articles/2026/target/#nowhere: content/articles/2026/target.md has no heading with id 'nowhere'",
        "content/about.md:8:13 link /img/missing.png leads to no page");
  }

  @Test
  void aFutureIssueMayLinkToWhatIsOutByItsDate() throws Exception {
    docs.add("articles/2026/monday.md", "title: Monday\ndate: 2026-11-29\n", "x\n")
        .issue("2026-11-30", "", "Read [it](/articles/2026/monday/).\n");
    assertThat(check()).isEmpty();
    assertThat(LINT.check(docs.catalog(TODAY))).allMatch(Diagnostic::isError);
  }
}
