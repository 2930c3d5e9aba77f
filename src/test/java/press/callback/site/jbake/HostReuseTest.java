package press.callback.site.jbake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.site.SiteBaker;
import press.callback.testing.TestSite;

/**
 * A host's JBake registries (engines, document types, model extractors), kept from bake to bake
 * (the dev server's full rebuilds), hold nothing of the previous bake: a project changed between
 * two bakes in one host — an article deleted, one added, tags and dates changed, articles of one
 * date — bakes byte for byte as in a new host, also after a bake that failed and after one whose
 * crawl threw.
 */
class HostReuseTest {
  @TempDir Path tmp;

  @Test
  void aSecondBakeInOneHostIsTheBakeOfANewHost() throws IOException {
    Path project = project();
    try (Hosts hosts = new Hosts()) {
      assertThat(bake(hosts.reused, project, "first").ok()).isTrue();
      change(project);
      assertThat(bake(hosts.reused, project, "again").ok()).isTrue();
      assertThat(bake(hosts.fresh(), project, "fresh").ok()).isTrue();

      assertThat(TestSite.tree(tmp.resolve("again"))).isEqualTo(TestSite.tree(tmp.resolve("fresh")));
      assertThat(TestSite.tree(tmp.resolve("again"))).as("the change shows").isNotEqualTo(TestSite.tree(tmp.resolve("first")));
      assertThat(tmp.resolve("again/articles/2025/legacy.html")).doesNotExist();
    }
  }

  @Test
  void aBakeAfterAFailedOneIsTheBakeOfANewHost() throws IOException {
    Path project = project();
    try (Hosts hosts = new Hosts()) {
      assertThat(bake(hosts.reused, project, "first").ok()).isTrue();
      change(project);
      Path broken = project.resolve("content/articles/2026/broken.md");
      TestSite.write(broken, "---\ntitle: [unclosed\ndate: 2026-10-01\n---\n\nBody.\n");
      assertThat(bake(hosts.reused, project, "failed").ok()).isFalse();
      Files.delete(broken);
      assertThat(bake(hosts.reused, project, "again").ok()).isTrue();
      assertThat(bake(hosts.fresh(), project, "fresh").ok()).isTrue();

      assertThat(TestSite.tree(tmp.resolve("again"))).isEqualTo(TestSite.tree(tmp.resolve("fresh")));
    }
  }

  @Test
  void aBakeAfterACrawlThatThrewIsTheBakeOfANewHost() throws IOException {
    Path project = project();
    try (Hosts hosts = new Hosts()) {
      assertThat(bake(hosts.reused, project, "first").ok()).isTrue();
      Path data = project.resolve("data/site.yaml");
      String yaml = TestSite.read(data);
      TestSite.write(data, "motto: [unclosed\n");
      try {
        assertThat(bake(hosts.reused, project, "failed").ok()).isFalse();
      } catch (RuntimeException e) {
        // JBake's crawler throws on a data file it cannot read: the host must survive it
      }
      TestSite.write(data, yaml);
      change(project);
      assertThat(bake(hosts.reused, project, "again").ok()).isTrue();
      assertThat(bake(hosts.fresh(), project, "fresh").ok()).isTrue();

      assertThat(TestSite.tree(tmp.resolve("again"))).isEqualTo(TestSite.tree(tmp.resolve("fresh")));
    }
  }

  /** The basic fixture and one more article (19 documents). */
  private Path project() {
    Path project = TestSite.create(tmp, "basic");
    TestSite.write(project.resolve("content/articles/2026/fourth.md"),
        "---\ntitle: Fourth article\ndate: 2026-10-01\ntags: [email]\n---\n\nThe fourth article.\n");
    return project;
  }

  /** Deletes two articles, adds one, changes another's tags and date; three articles share a date. */
  private static void change(Path project) throws IOException {
    Files.delete(project.resolve("content/articles/2025/legacy.md"));
    Files.delete(project.resolve("content/articles/2026/fourth.md"));
    TestSite.write(project.resolve("content/articles/2026/third.md"),
        "---\ntitle: Third article\ndate: 2026-10-01\ntags: [voicemail, email]\n---\n\nThe third article.\n");
    Path first = project.resolve("content/articles/2026/first.md");
    TestSite.write(first, TestSite.read(first)
        .replace("date: 2026-09-01", "date: 2026-10-01")
        .replace("tags: [email, follow-up]", "tags: [follow-up, calls]"));
  }

  private SiteBaker.Result bake(JbakeHost host, Path project, String output) {
    return new SiteBaker(host, step -> {}).bake(new SiteBaker.Request(project, tmp.resolve(output), TestSite.TODAY));
  }

  /** A host baking several times, and a new host for each comparison bake. */
  private static final class Hosts implements AutoCloseable {
    final JbakeHost reused = new JbakeHost();

    JbakeHost fresh() {
      return new JbakeHost();
    }

    @Override
    public void close() {}
  }
}
