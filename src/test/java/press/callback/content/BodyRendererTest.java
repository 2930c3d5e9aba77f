package press.callback.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import press.callback.testing.Docs;

class BodyRendererTest {
  @Test
  void searchTermsComeFromTheTextNotTheMarkup() throws Exception {
    Catalog c = new Docs()
        .add("articles/2026/a.md", "title: A\ndate: 2026-01-01\n",
            "First paragraph ends\n\nSecond *paragraph* has a [link](/about/) and `code`.\n\n- listed\n- items\n")
        .catalog(LocalDate.of(2026, 2, 1));
    assertThat(c.entry("content/articles/2026/a.md").body().terms())
        .containsExactly("first", "paragraph", "end", "second", "link", "code", "list", "item");
  }

  @Test
  void snippetTermsCoverTheEmailAndItsNotes() throws Exception {
    Catalog c = new Docs().snippet("hello", "2026-01-01", 3).catalog(LocalDate.of(2026, 2, 1));
    assertThat(c.entry("content/snippets/hello.md").body().terms())
        .containsExactly("hi", "name", "read", "note", "topic", "last", "week", "made", "think", "project", "ran",
            "spr", "cut", "time", "new", "client", "wait", "answer", "thre", "day", "like", "hear", "team", "handl",
            "now", "shar", "work", "talk", "ten", "minut", "thank", "why", "short");
  }
}
