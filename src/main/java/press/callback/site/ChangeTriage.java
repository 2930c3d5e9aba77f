package press.callback.site;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import press.callback.content.Catalog;
import press.callback.content.ListEmail;
import press.callback.site.jbake.AssetCopier;
import press.callback.site.jbake.JbakeHost;
import press.callback.site.jbake.SiteProject;

/**
 * What changed files ask of the dev server's site: documents to render alone and files to copy
 * as they are, or a whole bake (a template, the configuration, data, a list email, a document
 * press does not read, a new or deleted document).
 */
final class ChangeTriage {
  /** What the changed files come to. */
  sealed interface Triage {
    /** Only a whole bake applies them. */
    record FullBake() implements Triage {}

    /**
     * They can be applied alone.
     *
     * @param edited documents to read, check and render again
     * @param copies files published as they are: source file → site file
     */
    record Alone(Set<Path> edited, Map<Path, Path> copies) implements Triage {}
  }

  private ChangeTriage() {}

  /**
   * Sorts {@code changed} files of {@code project}, whose site was baked into {@code site} from
   * {@code catalog}; {@code failing} documents (whose last edit had errors) are edited again.
   */
  static Triage of(SiteProject project, Path configFile, Path site, Catalog catalog, Set<Path> failing,
      Collection<Path> changed) {
    Path source = project.source();
    Path content = project.contentFolder();
    Path assets = source.resolve(project.config().getAssetFolderName());
    Set<Path> edited = new LinkedHashSet<>(failing);
    Map<Path, Path> copies = new LinkedHashMap<>();
    for (Path p : changed) {
      Path file = p.toAbsolutePath().normalize();
      if (AssetCopier.isLeftover(file.getFileName().toString())) {
        continue; // an editor's backup or swap file: changes nothing, never published
      }
      if (file.equals(configFile) || file.startsWith(project.templateFolder())
          || file.startsWith(project.config().getDataFolder().toPath().toAbsolutePath().normalize())) {
        return new Triage.FullBake();
      } else if (file.startsWith(content.resolve(ListEmail.FOLDER))) {
        return new Triage.FullBake(); // a list email: never a page, baked as email with the rest
      } else if (file.startsWith(content)) {
        if (ContentLoader.EXTENSIONS.contains(extension(file))) {
          edited.add(file);
        } else if (JbakeHost.documentExtensions().contains(extension(file))) {
          return new Triage.FullBake(); // a document press does not read: the bake says so
        } else {
          copies.put(file, site.resolve(content.relativize(file).toString()));
        }
      } else if (file.startsWith(assets)) {
        copies.put(file, site.resolve(assets.relativize(file).toString()));
      }
    }
    for (Path file : edited) {
      if (!Files.isRegularFile(file) || catalog.entry(ContentLoader.slashes(source.relativize(file))) == null) {
        return new Triage.FullBake(); // a new or deleted document changes lists, tags, neighbours
      }
    }
    return new Triage.Alone(edited, copies);
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
