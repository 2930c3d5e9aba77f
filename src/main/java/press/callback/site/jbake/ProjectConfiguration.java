package press.callback.site.jbake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jbake.app.JBakeException;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;

/**
 * Reads a project's configuration: JBake's ({@code jbake.properties} over its defaults), and the
 * settings press reads checked in the files they come from; {@link SiteProject} types them.
 */
final class ProjectConfiguration {
  private ProjectConfiguration() {}

  /** JBake's configuration of the project in {@code source}, baked into {@code destination}, not checked. */
  static DefaultJBakeConfiguration read(Path source, Path destination) throws ContentException {
    Path properties = source.resolve("jbake.properties");
    try {
      return new JBakeConfigurationFactory()
          .createDefaultJbakeConfiguration(
              source.toFile(),
              destination.toFile(),
              Files.exists(properties) ? properties.toFile() : null,
              true);
    } catch (JBakeException e) {
      throw new ContentException(
          Diagnostic.error(
              "jbake.properties", 0, 0, "cannot read the configuration: " + e.getMessage(),
              "check the file's key=value lines"));
    }
  }

  /**
   * Checks the settings press reads, in the files JBake reads them from ({@code custom.properties}
   * first, when a project still has it), each problem at its line.
   */
  static Settings.Checked check(Path source, DefaultJBakeConfiguration config) throws ContentException {
    List<Settings.Source> files = new ArrayList<>();
    for (String name : List.of("custom.properties", "jbake.properties")) {
      Path file = source.resolve(name);
      if (Files.isRegularFile(file)) {
        try {
          files.add(new Settings.Source(name, new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
        } catch (IOException e) {
          throw new ContentException(Diagnostic.error(name, 0, 0, "cannot read the file: " + e.getMessage(),
              "check its permissions"));
        }
      }
    }
    Path templates = config.getTemplateFolder().toPath();
    return Settings.check(files, key -> {
      Object v = text(config.get(key));
      return v == null ? null : v.toString().strip();
    }, source.relativize(templates).toString(), name -> Files.isRegularFile(templates.resolve(name)));
  }

  /** A text setting, stripped, or {@code fallback} when it is not set or blank. */
  static String string(DefaultJBakeConfiguration config, String key, String fallback) {
    Object v = text(config.get(key));
    return v == null || v.toString().isBlank() ? fallback : v.toString().strip();
  }

  /**
   * JBake's configuration splits values at commas into lists; for text settings (a site's
   * description, say) the comma was meant. Joins such lists back.
   */
  static Object text(Object value) {
    if (value instanceof java.util.Collection<?> parts) {
      return String.join(", ", parts.stream().map(String::valueOf).toList());
    }
    return value;
  }
}
