package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.testing.TestSite;

/**
 * Bakes a generated plain JBake project (key=value headers, its own templates, a paginated index)
 * of 300 posts and checks what JBake's renderers must produce — previous/next links, index pages,
 * tag pages — against the order the posts must have. press replaces JBake's documents renderer
 * and serves the template lists from a snapshot; this is where that must not show.
 */
class JbakeProjectBakeTest {
  private static final int POSTS = 300;
  private static final List<String> TAGS = List.of("java", "maven", "jvm", "css", "html", "ci", "gc");

  record Post(String slug, String title, LocalDate date, List<String> tags) {
    String uri() {
      return "blog/" + date.getYear() + "/" + slug + ".html";
    }
  }

  @TempDir static Path tmp;
  static Path site;
  static List<Post> newestFirst;

  @BeforeAll
  static void bake() {
    Path project = tmp.resolve("blog");
    press.callback.testing.TestSite.copyFixture("jbake-blog", project);
    Random random = new Random(7);
    List<Post> posts = new ArrayList<>();
    TreeSet<LocalDate> used = new TreeSet<>();
    for (int i = 0; i < POSTS; i++) {
      LocalDate date;
      do {
        date = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(5 * 365));
      } while (!used.add(date)); // distinct dates: the order is fully defined
      List<String> tags = new ArrayList<>(TAGS);
      java.util.Collections.shuffle(tags, random);
      Post p = new Post(String.format("post-%03d", i), String.format("Post %03d", i), date, List.copyOf(tags.subList(0, 2)));
      posts.add(p);
      TestSite.write(project.resolve("content/" + p.uri().replace(".html", ".md")),
          "title=" + p.title() + "\ndate=" + date + "\ntype=post\ntags=" + String.join(",", p.tags())
              + "\nstatus=published\n~~~~~~\n\nBody of " + p.title() + ".\n");
    }
    TestSite.write(project.resolve("content/about.md"), "title=About\ntype=page\nstatus=published\n~~~~~~\n\nAbout.\n");
    newestFirst = posts.stream().sorted(Comparator.comparing(Post::date).reversed()).toList();
    site = tmp.resolve("out");
    var result = new SiteBaker(TestSite.JBAKE, s -> {}).bake(new SiteBaker.Request(project, site, tmp.resolve("mail"), LocalDate.of(2026, 11, 27)));
    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void everyPostLinksToItsOlderAndNewerNeighbour() {
    for (int i = 0; i < newestFirst.size(); i++) {
      Post p = newestFirst.get(i);
      Document page = TestSite.html(site, p.uri());
      assertThat(page.select("#title").text()).isEqualTo(p.title());
      String newer = i == 0 ? "" : "../../" + newestFirst.get(i - 1).uri();
      String older = i == newestFirst.size() - 1 ? "" : "../../" + newestFirst.get(i + 1).uri();
      assertThat(page.select("#newer").attr("href")).as(p.slug() + " newer").isEqualTo(newer);
      assertThat(page.select("#older").attr("href")).as(p.slug() + " older").isEqualTo(older);
    }
  }

  @Test
  void theIndexIsPagedInDateOrder() {
    int pages = (POSTS + 9) / 10;
    for (int page = 1; page <= pages; page++) {
      Document index = TestSite.html(site, page == 1 ? "index.html" : page + "/index.html");
      List<String> expected = newestFirst.subList((page - 1) * 10, Math.min(POSTS, page * 10)).stream().map(Post::title).toList();
      assertThat(index.select("#posts a").eachText()).as("page " + page).isEqualTo(expected);
      assertThat(index.select("#pages").text()).isEqualTo(page + " of " + pages);
      assertThat(index.select("#older")).hasSize(page < pages ? 1 : 0);
      assertThat(index.select("#newer")).hasSize(page > 1 ? 1 : 0);
    }
  }

  @Test
  void tagPagesListTheirPostsNewestFirst() {
    for (String tag : TAGS) {
      List<String> expected = newestFirst.stream().filter(p -> p.tags().contains(tag)).map(Post::title).toList();
      assertThat(TestSite.html(site, "tags/" + tag + ".html").select("#posts li").eachText()).as(tag).isEqualTo(expected);
    }
    List<String> counts = TAGS.stream().sorted()
        .map(t -> t + " " + newestFirst.stream().filter(p -> p.tags().contains(t)).count()).toList();
    assertThat(TestSite.html(site, "tags/index.html").select("#tags li").eachText()).isEqualTo(counts);
  }

  @Test
  void theArchiveFeedAndSitemapSeeEveryPost() {
    assertThat(TestSite.html(site, "archive.html").select("#posts li").eachText())
        .isEqualTo(newestFirst.stream().map(Post::title).toList());
    String feed = TestSite.read(site.resolve("feed.xml"));
    assertThat(feed).contains("<title>" + newestFirst.get(0).title() + "</title>").doesNotContain(newestFirst.get(5).title());
    String sitemap = TestSite.read(site.resolve("sitemap.xml"));
    assertThat(newestFirst).allMatch(p -> sitemap.contains("https://blog.example.org/" + p.uri()));
    assertThat(sitemap).contains("https://blog.example.org/about.html");
  }

  @Test
  void templatesSeeTheReadingTimeWhenTheyAskForIt() {
    // Worked out only when a template asks (the word count needs the body's text).
    assertThat(TestSite.html(site, "about.html").select("#minutes").text()).isEqualTo("1 min");
  }
}
