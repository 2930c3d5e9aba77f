package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.testing.TestSite;
import press.callback.site.jbake.JbakeHost;

/**
 * Two bakes of two projects asked for at the same time in one JVM, on one {@link JbakeHost}: the
 * host lets one at a time use JBake's registries and store, and each gives the site it gives
 * alone.
 */
class ConcurrentBakesTest {
  @TempDir Path tmp;

  @Test
  void twoBakesAtOnceOnOneHostGiveWhatEachGivesAlone() throws Exception {
    Path basic = TestSite.create(tmp, "basic");
    Path other = tmp.resolve("blog"); // JBake's own kind of project: other types, other templates
    TestSite.copyFixture("jbake-blog", other);
    TestSite.write(other.resolve("content/blog/first.md"),
        "title=First\ndate=2026-01-02\ntype=post\ntags=a,b\nstatus=published\n~~~~~~\n\nBody of the first.\n");
    TestSite.write(other.resolve("content/about.md"), "title=About\ntype=page\nstatus=published\n~~~~~~\n\nAbout.\n");
    assertThat(TestSite.bake(basic, tmp.resolve("basic-alone")).ok()).isTrue();
    assertThat(TestSite.bake(other, tmp.resolve("other-alone")).ok()).isTrue();

    CountDownLatch start = new CountDownLatch(1);
    CompletableFuture<SiteBaker.Result> first = CompletableFuture.supplyAsync(() -> {
      await(start);
      return TestSite.bake(basic, tmp.resolve("basic-together"));
    });
    CompletableFuture<SiteBaker.Result> second = CompletableFuture.supplyAsync(() -> {
      await(start);
      return TestSite.bake(other, tmp.resolve("other-together"));
    });
    start.countDown();

    assertThat(first.get().ok()).as("%s", first.get().diagnostics()).isTrue();
    assertThat(second.get().ok()).as("%s", second.get().diagnostics()).isTrue();
    assertThat(TestSite.tree(tmp.resolve("basic-together"))).isEqualTo(TestSite.tree(tmp.resolve("basic-alone")));
    assertThat(TestSite.tree(tmp.resolve("other-together"))).isEqualTo(TestSite.tree(tmp.resolve("other-alone")));
    assertThat(TestSite.tree(tmp.resolve("basic-together")))
        .as("two different projects").isNotEqualTo(TestSite.tree(tmp.resolve("other-together")));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
