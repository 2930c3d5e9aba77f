package press.callback.site.jbake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.testing.TestSite;
import press.callback.site.SiteBaker;

/**
 * The store started before the project is read ({@code press bake} does it first thing) is the
 * one the bake uses when the project keeps JBake's default store, and is set aside otherwise; the
 * bake is the same either way.
 */
class StorePrestartTest {
  @TempDir Path tmp;

  @Test
  void aBakeTakesThePrestartedDefaultStore() {
    Path project = TestSite.create(tmp, "basic");
    TestSite.bake(project, tmp.resolve("plain"));

    TestSite.JBAKE.prestart();
    assertThat(TestSite.JBAKE.prestartPending()).isTrue();
    SiteBaker.Result result = TestSite.bake(project, tmp.resolve("prestarted"));

    assertThat(result.ok()).as("%s", result.diagnostics()).isTrue();
    assertThat(TestSite.JBAKE.prestartPending()).as("taken by the bake").isFalse();
    assertThat(TestSite.tree(tmp.resolve("prestarted"))).isEqualTo(TestSite.tree(tmp.resolve("plain")));
  }

  @Test
  void aProjectWithAnotherStoreStartsItsOwn() {
    Path project = TestSite.create(tmp, "basic");
    TestSite.write(project.resolve("jbake.properties"),
        TestSite.read(project.resolve("jbake.properties")) + "\ndb.path=elsewhere\n");

    TestSite.JBAKE.prestart();
    SiteBaker.Result result = TestSite.bake(project, tmp.resolve("site"));

    assertThat(result.ok()).as("%s", result.diagnostics()).isTrue();
    assertThat(TestSite.JBAKE.prestartPending()).isFalse();
    assertThat(tmp.resolve("site/index.html")).exists();
  }
}
