package press.callback.list.service;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The service's pages: the project's {@code templates/list/*.ftl} (plain FreeMarker, HTML
 * auto-escaping on), read once at start, given the site's look and a page's few values.
 */
final class ListPages {
  static final List<String> NAMES = List.of("layout.ftl", "confirm.ftl", "unsubscribe.ftl", "prefs.ftl", "message.ftl");

  private final Configuration freemarker;
  private final Map<String, Object> common;

  private ListPages(Configuration freemarker, Map<String, Object> common) {
    this.freemarker = freemarker;
    this.common = Map.copyOf(common);
  }

  /**
   * Loads the templates in {@code folder} (each of {@link #NAMES} must be there) and parses them
   * all, so a broken template stops the start, not a reader's request.
   */
  static ListPages load(Path folder, Map<String, Object> common) throws IOException {
    for (String name : NAMES) {
      if (!Files.isRegularFile(folder.resolve(name))) {
        throw new IOException(folder.resolve(name) + " is missing");
      }
    }
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setDirectoryForTemplateLoading(folder.toFile());
    cfg.setDefaultEncoding(StandardCharsets.UTF_8.name());
    cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
    cfg.setRecognizeStandardFileExtensions(false);
    cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    ListPages pages = new ListPages(cfg, common);
    for (String name : NAMES) {
      cfg.getTemplate(name); // parse errors now
    }
    return pages;
  }

  /** The page {@code name} with {@code values} (and the common ones), as UTF-8 bytes. */
  byte[] render(String name, Map<String, Object> values) {
    Map<String, Object> model = new HashMap<>(common);
    model.putAll(values);
    try {
      Template t = freemarker.getTemplate(name);
      StringWriter out = new StringWriter();
      t.process(model, out);
      return out.toString().getBytes(StandardCharsets.UTF_8);
    } catch (IOException | TemplateException e) {
      throw new IllegalStateException("templates/list/" + name + ": " + e.getMessage(), e);
    }
  }
}
