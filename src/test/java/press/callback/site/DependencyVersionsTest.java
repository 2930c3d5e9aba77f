package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.parser.Parser;
import freemarker.template.Configuration;
import freemarker.template.Version;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * JBake 2.7.0 brings old libraries (jsoup 1.14.3, FreeMarker 2.3.31, flexmark 0.62.2, SnakeYAML
 * 1.30); the POM overrides them. The bake tests run on what is checked here, so a POM change that
 * lets an old version back in fails here first.
 */
class DependencyVersionsTest {
  @Test
  void freemarkerIsNewerThanJbakes() {
    assertThat(Configuration.getVersion().intValue()).isGreaterThanOrEqualTo(new Version(2, 3, 34).intValue());
  }

  @Test
  void jsoupIsNewerThanJbakes() {
    assertThat(version(Jsoup.class, "org.jsoup", "jsoup")).isNotNull().doesNotStartWith("1.14.");
  }

  @Test
  void flexmarkIsTheOneWeConfigure() {
    assertThat(version(Parser.class, "com.vladsch.flexmark", "flexmark")).startsWith("0.64.");
  }

  @Test
  void snakeYamlIsVersionTwo() {
    assertThat(version(org.yaml.snakeyaml.Yaml.class, "org.yaml", "snakeyaml")).startsWith("2.");
  }

  /** The version in the jar's Maven metadata, or the manifest's. */
  private static String version(Class<?> type, String group, String artifact) {
    String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = type.getResourceAsStream(path)) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version");
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return type.getPackage().getImplementationVersion();
  }
}
