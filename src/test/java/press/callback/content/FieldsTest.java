package press.callback.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The typed fields of each content type, and their map view: JBake's model and the templates see
 * {@code content.<key>} in exactly this order, with these values.
 */
class FieldsTest {
  private final DocumentReader reader = new DocumentReader(DocumentReader.Settings.defaults());

  private Document read(DocumentReader r, String contentPath, String frontMatter) throws Exception {
    String text = "---\n" + frontMatter + "---\nHi {name}, when?\n";
    return r.read(new FrontMatterParser().parse("content/" + contentPath, text), contentPath);
  }

  @Test
  void aSnippetsMapListsItsKeysInTheOrderTheyAreChecked() throws Exception {
    Document d = read(reader, "snippets/s.md", "title: S\ndate: 2026-01-01\norder: 2\nstep: 4\n"
        + "placeholders: [name]\nuse_when: Now.\nsubject: Hi there\n");
    assertThat(d.fields()).isEqualTo(
        new Fields.Snippet(Fields.Snippet.Kind.EMAIL, "Hi there", "Now.", List.of("name"), 4, 2));
    assertThat(d.fields().asMap()).containsExactly(
        java.util.Map.entry("kind", "email"), java.util.Map.entry("subject", "Hi there"),
        java.util.Map.entry("use_when", "Now."), java.util.Map.entry("placeholders", List.of("name")),
        java.util.Map.entry("step", 4), java.util.Map.entry("order", 2));
    assertThat(d.type()).isEqualTo(ContentTypes.SNIPPET);
  }

  @Test
  void aGreetingHasNoSubjectAndADraftMayHaveNoStep() throws Exception {
    Document d = read(reader, "snippets/g.md", "title: G\ndate: 2026-01-01\nstatus: draft\nkind: greeting\n"
        + "use_when: Always.\n");
    assertThat(d.fields()).isEqualTo(
        new Fields.Snippet(Fields.Snippet.Kind.GREETING, null, "Always.", List.of(), null, null));
    assertThat(d.fields().asMap()).containsExactly(
        java.util.Map.entry("kind", "greeting"), java.util.Map.entry("use_when", "Always."),
        java.util.Map.entry("placeholders", List.of()));
    assertThat(d.isGreeting()).isTrue();
    assertThat(d.order()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void anIssuesMapHoldsOnlyWhatIsSet() throws Exception {
    Document d = read(reader, "newsletter/2026-11-30.md", "title: I\ndate: 2026-11-30\nsnippet: s\n"
        + "tip: t\nsubject: Subject\npreheader: \"\"\n");
    assertThat(d.fields()).isEqualTo(new Fields.Issue("Subject", null, "t", "s"));
    assertThat(d.fields().asMap()).containsExactly(
        java.util.Map.entry("subject", "Subject"), java.util.Map.entry("tip", "t"),
        java.util.Map.entry("snippet", "s"));
  }

  @Test
  void aPageKeepsAWrittenFalse() throws Exception {
    Document d = read(reader, "about.md", "title: About\nnoindex: false\nlayout: subscribe\n");
    assertThat(d.fields()).isEqualTo(new Fields.Page("subscribe", false));
    assertThat(d.fields().asMap()).containsExactly(
        java.util.Map.entry("layout", "subscribe"), java.util.Map.entry("noindex", false));
    assertThat(d.noindex()).isFalse();
    assertThat(read(reader, "thanks.md", "title: Thanks\nnoindex: true\n").noindex()).isTrue();
    assertThat(read(reader, "plain.md", "title: Plain\n").fields().asMap()).isEmpty();
  }

  @Test
  void articlesAndTipsHaveNoFieldsOfTheirOwn() throws Exception {
    assertThat(read(reader, "articles/2026/a.md", "title: A\ndate: 2026-01-01\n").fields())
        .isEqualTo(new Fields.Article());
    assertThat(read(reader, "tips/t.md", "title: T\ndate: 2026-01-01\n").fields()).isEqualTo(new Fields.Tip());
    assertThat(new Fields.Article().asMap()).isEmpty();
    assertThat(new Fields.Tip().asMap()).isEmpty();
  }

  @Test
  void aTypeTheSiteAddsHasTheCommonFieldsOnly() throws Exception {
    DocumentReader withRecipes = new DocumentReader(new DocumentReader.Settings(
        Set.of("post", "page", "snippet", "tip", "issue", "recipe"), true, 5));
    Document d = read(withRecipes, "recipes/soup.md", "title: Soup\ntype: recipe\n");
    assertThat(d.fields()).isEqualTo(new Fields.Other("recipe"));
    assertThat(d.type()).isEqualTo("recipe");
    assertThat(d.fields().asMap()).isEmpty();
  }
}
