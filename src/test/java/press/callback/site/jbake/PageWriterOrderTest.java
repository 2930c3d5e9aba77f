package press.callback.site.jbake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jbake.template.model.TemplateModel;
import org.junit.jupiter.api.Test;

/** The order pages are handed to the writing threads: folders in turn, each folder's pages in order. */
class PageWriterOrderTest {
  private static PageWriter.Page page(String relative) {
    return new PageWriter.Page(relative, new TemplateModel(), "post.ftl");
  }

  private static List<String> order(String... relatives) {
    return PageWriter.byFolderInTurn(java.util.Arrays.stream(relatives).map(PageWriterOrderTest::page).toList())
        .stream().map(PageWriter.Page::relative).toList();
  }

  @Test
  void takesFoldersInTurn() {
    assertThat(order("blog/2023/a.html", "blog/2023/b.html", "blog/2023/c.html", "blog/2024/d.html",
        "blog/2024/e.html", "index.html", "index2.html", "tags/x.html"))
        .containsExactly("blog/2023/a.html", "blog/2024/d.html", "index.html", "tags/x.html",
            "blog/2023/b.html", "blog/2024/e.html", "index2.html", "blog/2023/c.html");
  }

  @Test
  void keepsEveryPageOnce() {
    List<String> pages = new java.util.ArrayList<>();
    for (int i = 0; i < 500; i++) {
      pages.add("blog/" + (2020 + i % 7 * i % 5) + "/post-" + i + ".html");
    }
    assertThat(order(pages.toArray(String[]::new))).containsExactlyInAnyOrderElementsOf(pages);
    assertThat(order("only.html")).containsExactly("only.html");
    assertThat(order()).isEmpty();
  }
}
