package press.callback.site;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.configuration2.CompositeConfiguration;
import org.jbake.app.ContentStore;
import org.jbake.app.Renderer;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.render.RenderingTool;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;

/**
 * Renders pages that are not documents, such as the snippet library ({@code snippets/index.html})
 * or {@code robots.txt}: one template each, listed in {@code jbake.properties} as {@code
 * press.page.<output>=<template>}.
 */
final class ExtraPagesRenderer implements RenderingTool {
  private final FreemarkerTemplates templates;
  private final Map<String, String> pages;

  ExtraPagesRenderer(FreemarkerTemplates templates, Map<String, String> pages) {
    this.templates = templates;
    this.pages = pages;
  }

  @Override
  public int render(Renderer renderer, ContentStore db, JBakeConfiguration config)
      throws RenderingException {
    List<String> failures = new ArrayList<>();
    int count = 0;
    Path destination = config.getDestinationFolder().toPath();
    for (Map.Entry<String, String> page : pages.entrySet()) {
      String output = page.getKey();
      TemplateModel model = new TemplateModel();
      model.setRenderer(templates);
      DocumentModel content = new DocumentModel();
      content.setType("page");
      content.setRootPath(rootPath(output));
      content.put("url", url(output, config.getOutputExtension()));
      model.setContent(content);
      Path file = destination.resolve(output);
      try {
        Files.createDirectories(file.getParent());
        try (Writer out =
            Files.newBufferedWriter(file, Charset.forName(config.getRenderEncoding()))) {
          templates.renderDocument(model, page.getValue(), out);
        }
        count++;
      } catch (RenderingException | IOException e) {
        failures.add(output + ": " + e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      throw new RenderingException("Failed to render pages:\n" + String.join("\n", failures));
    }
    return count;
  }

  /** {@code snippets/index.html} → {@code /snippets/}; {@code robots.txt} → {@code /robots.txt}. */
  static String url(String output, String extension) {
    String index = "index" + extension;
    if (output.equals(index)) {
      return "/";
    }
    if (output.endsWith("/" + index)) {
      return "/" + output.substring(0, output.length() - index.length());
    }
    return "/" + output;
  }

  private static String rootPath(String output) {
    return "../".repeat((int) output.chars().filter(c -> c == '/').count());
  }

  @Override
  @Deprecated
  public int render(
      Renderer renderer,
      ContentStore db,
      File destination,
      File templatesPath,
      CompositeConfiguration config)
      throws RenderingException {
    throw new UnsupportedOperationException("JBake 2.7 calls render(Renderer, ContentStore, JBakeConfiguration)");
  }
}
