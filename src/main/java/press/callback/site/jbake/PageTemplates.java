package press.callback.site.jbake;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import press.callback.content.Catalog;
import press.callback.content.Entry;

/**
 * Which template renders each page of a baked site, named as {@link SitePages} names its pages
 * (JBake's file names and its {@code template.<type>.file} settings), for diagnostics that point
 * from a page back to its template.
 */
public final class PageTemplates {
  private PageTemplates() {}

  /**
   * The template of each of {@code pages} (paths in the site), relative to the project; pages no
   * template renders are left out.
   */
  public static Map<String, String> of(SiteProject project, Catalog catalog, Set<String> pages) {
    var config = project.config();
    String folder = config.getTemplateFolderName() + "/";
    Map<String, String> known = new HashMap<>();
    for (Entry e : catalog.entries()) {
      known.put(e.uri(), folder + config.getTemplateByDocType(e.type()));
    }
    known.put(config.getIndexFileName(), folder + config.getTemplateByDocType("masterindex"));
    known.put(config.getArchiveFileName(), folder + config.getTemplateByDocType("archive"));
    known.put(config.getError404FileName(), folder + config.getTemplateByDocType("error404"));
    known.put(config.getTagPathName() + "/index" + config.getOutputExtension(), folder + config.getTemplateByDocType("tagsindex"));
    project.extraPages().forEach((output, template) -> known.put(output, folder + template));
    Map<String, String> out = new HashMap<>();
    for (String page : pages) {
      String template = known.get(page);
      if (template == null && page.startsWith(config.getTagPathName() + "/")) {
        template = folder + config.getTemplateByDocType("tag");
      } else if (template == null && page.matches("\\d+/" + Pattern.quote(config.getIndexFileName()))) {
        template = folder + config.getTemplateByDocType("masterindex");
      }
      if (template != null && !template.endsWith("/null")) {
        out.put(page, template);
      }
    }
    return out;
  }
}
