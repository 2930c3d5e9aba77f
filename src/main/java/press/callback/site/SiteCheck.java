package press.callback.site;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import press.callback.check.LinkChecker;
import press.callback.check.LinkReport;
import press.callback.content.Catalog;
import press.callback.diag.Diagnostic;
import press.callback.site.jbake.PageTemplates;
import press.callback.site.jbake.SiteProject;

/**
 * The output check's edge: reads a baked site folder (every file's name, every HTML page's text)
 * and the project's templates, and hands them to the pure {@link LinkChecker}.
 */
public final class SiteCheck {
  private SiteCheck() {}

  /**
   * Checks the site in {@code folder} — during a bake, the staging folder — and returns its
   * problems; a folder that cannot be read is one error.
   *
   * @param shownAs the folder as diagnostics name it (the output folder, not the staging one)
   */
  static List<Diagnostic> run(
      SiteProject project, Catalog catalog, Path folder, Path shownAs, Consumer<String> progress) {
    long start = System.nanoTime();
    try {
      LinkReport report = check(project, catalog, folder, shownAs);
      progress.accept("checked " + report.pages() + " pages, " + report.links() + " links" + SiteBaker.took(start));
      return report.diagnostics();
    } catch (IOException e) {
      return List.of(Diagnostic.error(label(project, shownAs), 0, 0, "cannot read the baked site: " + e.getMessage(),
          "check the disk and the folder's permissions, then bake again"));
    }
  }

  /**
   * Checks the site in {@code folder}, baked from {@code project} with {@code catalog}.
   *
   * @param shownAs the folder as diagnostics name it
   * @throws IOException if the folder or the templates cannot be read
   */
  public static LinkReport check(SiteProject project, Catalog catalog, Path folder, Path shownAs)
      throws IOException {
    var config = project.config();
    Charset charset = Charset.forName(config.getRenderEncoding());
    Set<String> files = new TreeSet<>();
    Map<String, String> pages = new TreeMap<>();
    for (Path file : filesIn(folder)) {
      String relative = ContentLoader.slashes(folder.relativize(file));
      files.add(relative);
      String name = relative.toLowerCase(Locale.ROOT);
      if (name.endsWith(".html") || name.endsWith(".htm")) {
        pages.put(relative, Files.readString(file, charset));
      }
    }
    Map<String, String> templates = new TreeMap<>();
    for (Path file : filesIn(project.templateFolder())) {
      templates.put(ContentLoader.slashes(project.source().relativize(file)), Files.readString(file, charset));
    }
    LinkChecker.Settings settings = new LinkChecker.Settings(
        project.host(), catalog, "index" + config.getOutputExtension(), label(project, shownAs), templates,
        PageTemplates.of(project, catalog, pages.keySet()));
    return new LinkChecker(settings).check(pages, files);
  }

  /** How diagnostics name the site folder: relative to the project when inside it. */
  private static String label(SiteProject project, Path shownAs) {
    Path out = shownAs.toAbsolutePath().normalize();
    String label = out.startsWith(project.source()) ? ContentLoader.slashes(project.source().relativize(out)) : out.toString();
    return label.endsWith("/") ? label : label + "/";
  }

  private static List<Path> filesIn(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
