package press.callback.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentReaderTest {
  private final DocumentReader reader = new DocumentReader(DocumentReader.Settings.defaults());

  private Document read(String contentPath, String text) throws Exception {
    return reader.read(new FrontMatterParser().parse("content/" + contentPath, text), contentPath);
  }

  @Test
  void takesTheTypeFromTheFolder() throws Exception {
    String fm = "---\ntitle: T\ndate: 2026-01-01\n---\n";
    assertThat(read("articles/2026/a.md", fm).type()).isEqualTo("post");
    assertThat(read("articles/a.md", fm).type()).isEqualTo("post");
    assertThat(read("tips/a.md", fm).type()).isEqualTo("tip");
    assertThat(read("newsletter/2026-11-30.md", fm).type()).isEqualTo("issue");
    assertThat(read("about.md", fm).type()).isEqualTo("page");
    assertThat(read("guides/a.md", fm).type()).isEqualTo("page");
  }

  @Test
  void explicitTypeWins() throws Exception {
    Document d = read("articles/2026/a.md", "---\ntitle: T\ndate: 2026-01-01\ntype: page\n---\n");
    assertThat(d.type()).isEqualTo("page");
  }

  @Test
  void readsCommonFields() throws Exception {
    Document d =
        read(
            "articles/2026/a.md",
            "---\ntitle: \" Spaced \"\ndate: 2026-11-30\nstatus: DRAFT\ntags: [cold email, follow-up]\nsummary: Short.\n---\nBody\n");
    assertThat(d.title()).isEqualTo("Spaced");
    assertThat(d.date()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(d.status()).isEqualTo(Status.DRAFT);
    assertThat(d.tags()).containsExactly("cold-email", "follow-up");
    assertThat(d.summary()).isEqualTo("Short.");
    assertThat(d.body()).isEqualTo("Body\n");
    assertThat(d.markdown()).isTrue();
  }

  @Test
  void tagWithAmpersandIsRefused() {
    // '&' (and '+', '.', '_') made tag pages such as tags/q&a.html; the hint always said
    // "letters and digits, joined by spaces or '-'".
    String text = "---\ntitle: T\ndate: 2026-01-01\ntags: [q&a, c++, node.js, snake_case, ok-tag, two  words]\n---\n";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("articles/2026/a.md", text))
        .isInstanceOfSatisfying(press.callback.diag.ContentException.class, e -> assertThat(e.diagnostics())
            .extracting(press.callback.diag.Diagnostic::location, press.callback.diag.Diagnostic::message)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("content/articles/2026/a.md:4:8", "tag 'q&a' is not a valid tag"),
                org.assertj.core.groups.Tuple.tuple("content/articles/2026/a.md:4:13", "tag 'c++' is not a valid tag"),
                org.assertj.core.groups.Tuple.tuple("content/articles/2026/a.md:4:18", "tag 'node.js' is not a valid tag"),
                org.assertj.core.groups.Tuple.tuple("content/articles/2026/a.md:4:27", "tag 'snake_case' is not a valid tag")));
  }

  @Test
  void tagsAreLowerCaseAndComposedAsOne() throws Exception {
    // Email, EMAIL and email made three tag pages that collide on a case-insensitive disk; an
    // accent written as a letter and a combining mark made two that look alike.
    Document d = read("articles/2026/a.md",
        "---\ntitle: T\ndate: 2026-01-01\ntags: [Email, EMAIL, email, Cold Email, caf\u00e9, cafe\u0301, \u00c9T\u00c9]\n---\n");
    assertThat(d.tags()).containsExactly("email", "cold-email", "caf\u00e9", "\u00e9t\u00e9");
  }

  @Test
  void defaultsToPublishedWithoutTagsOrSummary() throws Exception {
    Document d = read("about.md", "---\ntitle: About\n---\nText\n");
    assertThat(d.status()).isEqualTo(Status.PUBLISHED);
    assertThat(d.tags()).isEmpty();
    assertThat(d.summary()).isNull();
    assertThat(d.date()).isNull();
  }

  @Test
  void readsSnippetFields() throws Exception {
    Document d =
        read(
            "snippets/hello.md",
            "---\ntitle: Hello\ndate: 2026-01-01\nsubject: Quick question about {topic}\nuse_when: First contact.\nplaceholders: [name, \"{topic}\"]\nstep: 3\n---\nHi {name},\n");
    assertThat(d.fields()).isEqualTo(new Fields.Snippet(Fields.Snippet.Kind.EMAIL, "Quick question about {topic}",
        "First contact.", List.of("name", "topic"), 3, null));
    assertThat(d.text("subject")).contains("Quick question about {topic}");
    assertThat(d.text("use_when")).contains("First contact.");
    assertThat(d.slug()).isEqualTo("hello");
  }

  @Test
  void readsASnippetsOrderAndKind() throws Exception {
    Document email = read("snippets/s.md",
        "---\ntitle: S\ndate: 2026-01-01\nsubject: Hi there\nuse_when: Now.\nstep: 4\norder: 2\n---\nHi\n");
    assertThat(email.order()).isEqualTo(2);
    assertThat(email.isGreeting()).isFalse();
    Document greeting = read("snippets/g.md",
        "---\ntitle: G\ndate: 2026-01-01\nkind: greeting\nuse_when: Always.\nstep: 1\n---\nHi, you have reached me.\n");
    assertThat(greeting.isGreeting()).isTrue();
    assertThat(greeting.text("subject")).isEmpty();
    assertThat(greeting.order()).as("no order: after those with one").isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void refusesABadOrderAnUnknownKindAndAGreetingWithASubject() {
    String text = "---\ntitle: S\ndate: 2026-01-01\nsubject: Hi there\nuse_when: Now.\nstep: 4\norder: first\n"
        + "kind: letter\n---\nHi\n";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("snippets/s.md", text))
        .isInstanceOfSatisfying(press.callback.diag.ContentException.class, e -> assertThat(e.diagnostics())
            .extracting(press.callback.diag.Diagnostic::location, press.callback.diag.Diagnostic::message)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("content/snippets/s.md:7:8",
                    "'order' must be a whole number from 0 to 999, not first"),
                org.assertj.core.groups.Tuple.tuple("content/snippets/s.md:8:7", "unknown kind 'letter'")));
    String greeting = "---\ntitle: G\ndate: 2026-01-01\nkind: greeting\nsubject: Call me\nuse_when: Always.\nstep: 1\n---\nHi\n";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("snippets/g.md", greeting))
        .isInstanceOfSatisfying(press.callback.diag.ContentException.class, e -> assertThat(e.diagnostics())
            .extracting(press.callback.diag.Diagnostic::location, press.callback.diag.Diagnostic::message)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("content/snippets/g.md:5:1", "a greeting has no 'subject'")));
  }

  @Test
  void readsIssueFields() throws Exception {
    Document d =
        read(
            "newsletter/2026-11-30.md",
            "---\ntitle: Issue 1\ndate: 2026-11-30\nsubject: Stop leaving voice mails\npreheader: One change.\ntip: send-before-nine\n---\nNote\n");
    assertThat(d.fields()).isEqualTo(new Fields.Issue("Stop leaving voice mails", "One change.", "send-before-nine", null));
    assertThat(d.text("subject")).contains("Stop leaving voice mails");
    assertThat(d.text("tip")).contains("send-before-nine");
    assertThat(d.text("snippet")).isEmpty();
  }

  @Test
  void passesHtmlBodiesThrough() throws Exception {
    Document d = read("legal.html", "---\ntitle: Legal\n---\n<p>Raw</p>\n");
    assertThat(d.markdown()).isFalse();
  }

  @Test
  void decidesVisibilityFromStatusAndDate() throws Exception {
    LocalDate today = LocalDate.of(2026, 11, 27);
    String base = "---\ntitle: T\n";
    assertThat(read("articles/a.md", base + "date: 2026-11-27\n---\n").isVisibleOn(today)).isTrue();
    assertThat(read("articles/a.md", base + "date: 2026-11-28\n---\n").isVisibleOn(today)).isFalse();
    assertThat(read("articles/a.md", base + "date: 2026-01-01\nstatus: draft\n---\n").isVisibleOn(today)).isFalse();
    assertThat(read("articles/a.md", base + "date: 2026-11-01\nstatus: published-date\n---\n").isVisibleOn(today)).isTrue();
    assertThat(read("articles/a.md", base + "date: 2026-12-01\nstatus: published-date\n---\n").isVisibleOn(today)).isFalse();
    assertThat(read("about.md", base + "---\n").isVisibleOn(today)).isTrue();
  }

  @Test
  void readsDatesExactlyAsTheStrictFormatterDoes() {
    java.time.format.DateTimeFormatter strict = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd", java.util.Locale.ROOT)
        .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    java.util.Random random = new java.util.Random(3);
    List<String> samples = new java.util.ArrayList<>(List.of("2026-11-30", "2024-02-29", "2023-02-29", "2026-13-01",
        "2026-00-10", "2026-04-31", "0000-01-01", "2026-1-30", "2026/11/30", "+2026-11-30", "20261-11-30", "2026-11-3x"));
    for (int i = 0; i < 20_000; i++) {
      samples.add(String.format("%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(15), random.nextInt(34)));
    }
    for (String s : samples) {
      Object expected;
      try {
        expected = java.time.LocalDate.parse(s, strict);
      } catch (java.time.DateTimeException e) {
        expected = "invalid";
      }
      Object actual;
      try {
        actual = DocumentReader.parseDate(s);
      } catch (java.time.DateTimeException e) {
        actual = "invalid";
      }
      assertThat(actual).as(s).isEqualTo(expected);
    }
  }
}
