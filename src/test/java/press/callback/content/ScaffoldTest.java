package press.callback.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import press.callback.testing.Golden;

/**
 * The drafts {@code press new} writes: file names from titles, the next issue's date, and each
 * type's text, compared whole with {@code scaffold/<type>.md} ({@code -Dgolden.update=true}
 * rewrites them).
 */
class ScaffoldTest {
  private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 27);
  private static final List<String> STEPS = List.of("Skip the voice mail", "Find the address", "Write it");
  private static final Path GOLDEN = Golden.resources("scaffold");

  private static Document read(Scaffold.Draft draft) throws Exception {
    SourceFile source = new FrontMatterParser().parse("content/" + draft.path(), draft.text());
    return new DocumentReader(DocumentReader.Settings.defaults()).read(source, draft.path());
  }

  private static LocalDate today(String instant, String zone) {
    return LocalDate.now(Clock.fixed(Instant.parse(instant), ZoneId.of(zone)));
  }

  @Test
  void slugLowerCasesTheTitleAndJoinsItsWordsWithOneDash() {
    assertThat(Scaffold.slug("Why Voice Mails Go Unreturned")).isEqualTo("why-voice-mails-go-unreturned");
    assertThat(Scaffold.slug("Five  steps,\tone call")).isEqualTo("five-steps-one-call");
  }

  @Test
  void slugFoldsAccentsAndSpecialLettersToAscii() {
    assertThat(Scaffold.slug("Crème brûlée à Zürich")).isEqualTo("creme-brulee-a-zurich");
    assertThat(Scaffold.slug("Ærøskøbing, Straße, Łódź, Þórður")).isEqualTo("aeroskobing-strasse-lodz-thordur");
    assertThat(Scaffold.slug("ÉCOLE ﬁne Ｆｕｌｌ")).isEqualTo("ecole-fine-full");
  }

  @Test
  void slugTurnsPunctuationIntoSingleDashesAndTrimsThem() {
    assertThat(Scaffold.slug("  -- Q&A: 3 tips (really!) --  ")).isEqualTo("q-a-3-tips-really");
    assertThat(Scaffold.slug("From \"sounds good\" to a booked call…")).isEqualTo("from-sounds-good-to-a-booked-call");
    assertThat(Scaffold.slug("Step 1/5 — skip the voice mail")).isEqualTo("step-1-5-skip-the-voice-mail");
  }

  @Test
  void slugKeepsWordsWithApostrophesWhole() {
    assertThat(Scaffold.slug("Don't send \"just checking in\"")).isEqualTo("dont-send-just-checking-in");
    assertThat(Scaffold.slug("Don’t write the buyer’s name wrong")).isEqualTo("dont-write-the-buyers-name-wrong");
  }

  @Test
  void slugIsCutAtTheLastWholeWordWithinTheLimit() {
    String title = "The long and winding road from a cold voice mail to a warm booked call with a buyer";
    String slug = Scaffold.slug(title);
    assertThat(slug)
        .isEqualTo("the-long-and-winding-road-from-a-cold-voice-mail-to-a-warm")
        .hasSizeLessThanOrEqualTo(Scaffold.MAX_SLUG_LENGTH);
    assertThat(Scaffold.slug("x".repeat(80) + " end")).isEqualTo("x".repeat(Scaffold.MAX_SLUG_LENGTH));
    assertThat(Scaffold.slug("ab " + "c".repeat(70))).isEqualTo("ab-" + "c".repeat(Scaffold.MAX_SLUG_LENGTH - 3));
  }

  @Test
  void slugIsEmptyWhenTheTitleHasNoLatinLetterOrDigit() {
    assertThat(Scaffold.slug("!!! ???")).isEmpty();
    assertThat(Scaffold.slug("電話をかけ直す")).isEmpty();
    assertThat(Scaffold.slug("— · —")).isEmpty();
  }

  @Test
  void refusesTitlesThatGiveNoFileName() {
    assertThatThrownBy(() -> Scaffold.article("¿¡?!", FRIDAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the title '¿¡?!' has no letter a-z or digit to name the file after;"
            + " give a title with some, then change it in the file as you like");
    assertThatThrownBy(() -> Scaffold.tip(" \t\n", FRIDAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the title is empty");
    assertThatThrownBy(() -> Scaffold.snippet("電話", FRIDAY, STEPS, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nextIssueIsTheFirstMondayStrictlyAfterToday() {
    assertThat(Scaffold.nextIssueDate(today("2026-11-27T10:00:00Z", "UTC"))).isEqualTo("2026-11-30");
    assertThat(Scaffold.nextIssueDate(today("2026-11-29T23:59:59Z", "UTC"))).isEqualTo("2026-11-30");
    // On a Monday that day's issue is already written: the next one is a week away.
    assertThat(Scaffold.nextIssueDate(today("2026-11-30T00:00:00Z", "UTC"))).isEqualTo("2026-12-07");
    assertThat(Scaffold.nextIssueDate(today("2026-12-29T12:00:00Z", "UTC"))).isEqualTo("2027-01-04");
    // The clock's zone decides what today is: Sunday night in UTC is Monday in Berlin.
    assertThat(Scaffold.nextIssueDate(today("2026-11-29T23:30:00Z", "Europe/Berlin"))).isEqualTo("2026-12-07");
  }

  @Test
  void eachDraftGoesWhereItsTypeLives() {
    Scaffold.Draft article = Scaffold.article("Hello", LocalDate.of(2027, 1, 3));
    Scaffold.Draft snippet = Scaffold.snippet("Hello", FRIDAY, STEPS, null);
    Scaffold.Draft tip = Scaffold.tip("Hello", FRIDAY);
    Scaffold.Draft issue = Scaffold.issue(LocalDate.of(2026, 12, 7));
    assertThat(List.of(article.path(), snippet.path(), tip.path(), issue.path()))
        .containsExactly("articles/2027/hello.md", "snippets/hello.md", "tips/hello.md", "newsletter/2026-12-07.md");
    assertThat(List.of(article, snippet, tip, issue).stream().map(d -> ContentTypes.forPath(d.path())))
        .containsExactly(ContentTypes.POST, ContentTypes.SNIPPET, ContentTypes.TIP, ContentTypes.ISSUE);
  }

  @Test
  void everyDraftReadsAsAValidDraftOfItsType() throws Exception {
    for (Scaffold.Draft draft : List.of(
        Scaffold.article("Call back", FRIDAY), Scaffold.snippet("Call back", FRIDAY, STEPS, null),
        Scaffold.tip("Call back", FRIDAY), Scaffold.issue(LocalDate.of(2026, 11, 30)))) {
      Document doc = read(draft);
      assertThat(doc.type()).as(draft.path()).isEqualTo(ContentTypes.forPath(draft.path()));
      assertThat(doc.status()).as(draft.path()).isEqualTo(Status.DRAFT);
      assertThat(doc.isVisibleOn(LocalDate.of(2030, 1, 1))).as(draft.path()).isFalse();
      assertThat(doc.tags()).as(draft.path()).isEmpty();
      assertThat(doc.summary()).as(draft.path()).isNull();
      assertThat(doc.body()).as(draft.path()).isNotBlank();
    }
    assertThat(read(Scaffold.article("Call back", FRIDAY)).date()).isEqualTo(FRIDAY);
    Document snippet = read(Scaffold.snippet("Call back", FRIDAY, STEPS, null));
    assertThat(snippet.fields()).isInstanceOfSatisfying(Fields.Snippet.class, s -> {
      assertThat(s.subject()).isEqualTo("Quick question about {topic}");
      assertThat(s.placeholders()).isEqualTo(List.of("name", "topic", "your_name"));
      assertThat(s.step()).as("a draft may leave its step to choose").isNull();
    });
    assertThat(snippet.fields().asMap()).doesNotContainKey("step");
    assertThat(read(Scaffold.snippet("Call back", FRIDAY, STEPS, 3)).fields())
        .isInstanceOfSatisfying(Fields.Snippet.class, s -> assertThat(s.step()).isEqualTo(3));
    Document issue = read(Scaffold.issue(LocalDate.of(2026, 11, 30)));
    assertThat(issue.title()).isEqualTo("Issue of 2026-11-30");
    assertThat(issue.date()).isEqualTo("2026-11-30");
    assertThat(issue.fields()).as("empty keys fall back to the defaults").isEqualTo(new Fields.Issue(null, null, null, null));
    assertThat(issue.fields().asMap()).isEmpty();
  }

  @Test
  void titlesKeepQuotesBackslashesAndSymbolsThroughYaml() throws Exception {
    String title = "She said \"call me\" \\ 100% sure: #1 — [ok] {maybe} 'yes' & café";
    assertThat(read(Scaffold.article(title, FRIDAY)).title()).isEqualTo(title);
    assertThat(read(Scaffold.tip(title, FRIDAY)).title()).isEqualTo(title);
    assertThat(read(Scaffold.snippet(title, FRIDAY, STEPS, null)).title()).isEqualTo(title);
  }

  @Test
  void titlesBecomeOneLineWithoutControlCharacters() throws Exception {
    Scaffold.Draft tip = Scaffold.tip("  Two\nlines\tand \u0007 a bell  ", FRIDAY);
    assertThat(read(tip).title()).isEqualTo("Two lines and a bell");
    assertThat(tip.path()).isEqualTo("tips/two-lines-and-a-bell.md");
  }

  @Test
  void snippetListsThePlaybookStepsAboveItsStepLeftToChoose() {
    assertThat(Scaffold.snippet("S", FRIDAY, STEPS, null).text())
        .contains("#   1 Skip the voice mail\n#   2 Find the address\n#   3 Write it\n"
            + "step:                   # which one? a number from the list above\n");
    assertThat(Scaffold.snippet("S", FRIDAY, STEPS, 2).text()).contains("#   3 Write it\nstep: 2\n");
  }

  @Test
  void theGuideTextTheLintLooksForIsWhatTheScaffoldsWrite() {
    String all = String.join("\n", Scaffold.article("A", FRIDAY).text(), Scaffold.snippet("A", FRIDAY, STEPS, null).text(),
        Scaffold.tip("A", FRIDAY).text(), Scaffold.issue(FRIDAY).text()).replaceAll("\\s+", " ");
    assertThat(Scaffold.GUIDE_TEXT).allSatisfy(guide -> assertThat(all).contains(guide));
  }

  @Test
  void draftsMatchTheirExpectedFiles() throws IOException {
    String title = "Send before nine, café included";
    Golden.check(GOLDEN.resolve("article.md"), Scaffold.article(title, FRIDAY).text());
    Golden.check(GOLDEN.resolve("snippet.md"), Scaffold.snippet(title, FRIDAY, STEPS, null).text());
    Golden.check(GOLDEN.resolve("tip.md"), Scaffold.tip(title, FRIDAY).text());
    Golden.check(GOLDEN.resolve("issue.md"), Scaffold.issue(LocalDate.of(2026, 11, 30)).text());
    try (Stream<Path> files = Files.list(GOLDEN)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no orphan expected files")
          .containsExactlyInAnyOrder("article.md", "snippet.md", "tip.md", "issue.md");
    }
  }
}
