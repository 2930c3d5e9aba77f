package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.diag.Diagnostic;
import press.callback.testing.TestSite;

/**
 * The site's side of the list service: the subscribe page and the home page's call to action post
 * to {@code newsletter.list_url}; the pages the service redirects to are baked at their addresses
 * and kept out of search; without a list service the site says how to subscribe by email.
 */
class SubscribeFormTest {
  private static final String ACTION = "https://list.callback.press/subscribe";

  @TempDir Path tmp;

  /** The basic fixture with this repository's subscribe page and the pages the service leads to. */
  private Path project() {
    Path project = TestSite.create(tmp, "basic");
    try {
      Files.copy(Path.of("content/subscribe.md"), project.resolve("content/subscribe.md"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.createDirectories(project.resolve("content/subscribe"));
      try (Stream<Path> pages = Files.list(Path.of("content/subscribe"))) {
        for (Path page : pages.toList()) {
          Files.copy(page, project.resolve("content/subscribe").resolve(page.getFileName().toString()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return project;
  }

  @Test
  void theSubscribePageAndTheHomePagePostToTheListService() {
    Path project = project();
    Path site = tmp.resolve("out/site");

    SiteBaker.Result result = TestSite.bake(project, site);

    assertThat(result.diagnostics()).extracting(Diagnostic::format).isEmpty();
    for (String page : List.of("index.html", "subscribe/index.html")) {
      Document doc = TestSite.html(site, page);
      Element form = doc.selectFirst("form[data-subscribe]");
      assertThat(form).as(page).isNotNull();
      assertThat(form.attr("method")).isEqualTo("post");
      assertThat(form.attr("action")).isEqualTo(ACTION);
      Element email = form.selectFirst("input[name=email]");
      assertThat(email.attr("type")).isEqualTo("email");
      assertThat(email.hasAttr("required")).isTrue();
      assertThat(email.attr("autocomplete")).isEqualTo("email");
      assertThat(form.select("label[for=" + email.id() + "]").text()).isEqualTo("Email address");
      Element name = form.selectFirst("input[name=name]");
      assertThat(name.hasAttr("required")).isFalse();
      assertThat(name.attr("maxlength")).isEqualTo("100");
      assertThat(form.select("label[for=" + name.id() + "]").text()).startsWith("First name");
      Element trap = form.selectFirst("input[name=website]");
      assertThat(trap.attr("tabindex")).isEqualTo("-1");
      assertThat(trap.attr("autocomplete")).isEqualTo("off");
      assertThat(trap.val()).isEmpty();
      assertThat(trap.closest("[aria-hidden=true]")).isNotNull();
      assertThat(trap.closest(".subscribe-form__trap")).isNotNull();
      assertThat(form.select("[aria-live=polite]")).hasSize(1);
      assertThat(form.select("button[type=submit]").text()).isEqualTo("Subscribe");
      assertThat(doc.select("script[src=/js/subscribe.js]")).as(page).hasSize(1);
      assertThat(doc.select("script:not([src]):not([type=application/ld+json])")).as(page + ": no inline script").isEmpty();
    }
    assertThat(site.resolve("js/subscribe.js")).isRegularFile();
    assertThat(TestSite.html(site, "subscribe/index.html").text()).doesNotContain("send an email to subscribe@");
  }

  @Test
  void withoutAListUrlThePagesSayHowToSubscribeByEmail() {
    Path project = project();
    Path file = project.resolve("jbake.properties");
    TestSite.write(file, TestSite.read(file).replace("newsletter.list_url=https://list.callback.press\n",
        "newsletter.unsubscribe_url=https://callback.press/unsubscribe/?token={{token}}\n"));
    Path site = tmp.resolve("out/site");

    SiteBaker.Result result = TestSite.bake(project, site);

    assertThat(result.ok()).isTrue();
    for (String page : List.of("index.html", "subscribe/index.html")) {
      Document doc = TestSite.html(site, page);
      assertThat(doc.select("form[data-subscribe], input[name=email]")).as(page).isEmpty();
      assertThat(doc.select("script[src=/js/subscribe.js]")).as(page).isEmpty();
    }
    assertThat(TestSite.html(site, "subscribe/index.html").selectFirst(".subscribe-by-email").text())
        .startsWith("To subscribe, send an email to subscribe@callback.press with the word “subscribe”");
    assertThat(TestSite.html(site, "index.html").select(".cta a.button").attr("href")).isEqualTo("/subscribe/");
  }

  @Test
  void thePagesTheServiceLeadsToAreAtTheirAddressesAndOutOfSearch() throws IOException {
    Path project = project();
    Path site = tmp.resolve("out/site");

    SiteBaker.Result result = TestSite.bake(project, site);

    assertThat(result.ok()).isTrue();
    for (String url : List.of("/subscribe/check-your-inbox/", "/subscribe/welcome/", "/subscribe/unsubscribed/")) {
      Document doc = TestSite.html(site, url.substring(1) + "index.html");
      assertThat(doc.select("meta[name=robots]").attr("content")).as(url).isEqualTo("noindex");
      assertThat(doc.select("link[rel=canonical]").attr("href")).isEqualTo("https://callback.press" + url);
      assertThat(doc.select("nav.site-nav a[href=" + url + "]")).isEmpty();
      for (String index : List.of("sitemap.xml", "feed.xml", "search/index.json")) {
        assertThat(Files.readString(site.resolve(index))).as(index).doesNotContain(url);
      }
    }
    assertThat(Files.readString(site.resolve("sitemap.xml"))).contains("https://callback.press/subscribe/<");
  }

  @Test
  void noindexIsTrueOrFalse() {
    Path project = project();
    Path page = project.resolve("content/subscribe/welcome.md");
    TestSite.write(page, TestSite.read(page).replace("noindex: true", "noindex: yes please"));

    SiteBaker.Result result = TestSite.bake(project, tmp.resolve("out/site"));

    assertThat(result.diagnostics()).extracting(d -> d.location() + " " + d.message())
        .containsExactly("content/subscribe/welcome.md:4:10 'noindex' is true or false, not yes please");
  }
}
