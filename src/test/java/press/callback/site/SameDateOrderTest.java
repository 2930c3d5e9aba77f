package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.testing.TestSite;

/**
 * JBake's lists ({@code published_posts}, …) put posts of one date in the order JBake's store gave
 * on one core — the reverse of the crawl's order (folders and files sorted by name) — on every
 * machine. From JBake's store they came in an order that depended on the number of cores (one
 * OrientDB cluster per core): the same site listed same-date posts differently on a 2-core CI
 * machine and a 4-core laptop.
 */
class SameDateOrderTest {
  @TempDir Path tmp;

  @Test
  void postsOfOneDateComeInReverseCrawlOrderWhateverTheOrderTheyWereWritten() {
    Path project = tmp.resolve("blog");
    TestSite.copyFixture("jbake-blog", project);
    // written in an order that is neither the crawl's nor its reverse
    post(project, "blog/2024/b.md", "B", "2024-05-01");
    post(project, "blog/2024/d.md", "D", "2024-06-01");
    post(project, "blog/2023/z.md", "Z", "2024-05-01");
    post(project, "blog/2024/a.md", "A", "2024-05-01");
    post(project, "blog/2024/c.md", "C", "2024-05-01");
    post(project, "blog/2024/e.md", "E", "2024-04-01");
    Path site = tmp.resolve("out");
    var result = new SiteBaker(TestSite.JBAKE, s -> {})
        .bake(new SiteBaker.Request(project, site, tmp.resolve("mail"), LocalDate.of(2026, 11, 27)));
    assertThat(result.diagnostics()).isEmpty();

    assertThat(TestSite.html(site, "archive.html").select("#posts li").eachText())
        .containsExactly("D", "C", "B", "A", "Z", "E");
  }

  private static void post(Path project, String path, String title, String date) {
    TestSite.write(project.resolve("content/" + path),
        "title=" + title + "\ndate=" + date + "\ntype=post\ntags=java\nstatus=published\n~~~~~~\n\nBody of " + title + ".\n");
  }
}
