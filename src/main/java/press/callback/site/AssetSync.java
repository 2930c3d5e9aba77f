package press.callback.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import press.callback.diag.Diagnostic;
import press.callback.diag.Diagnostics;
import press.callback.site.jbake.AssetCopier;
import press.callback.site.jbake.SiteProject;

/**
 * The dev server's copy of changed files published as they are (assets, content files that are
 * not documents): copied into the served site, or removed from it when deleted.
 */
final class AssetSync {
  private AssetSync() {}

  /**
   * Copies (or removes) each source file of {@code project} to its site file; returns the files
   * copied. A file that leads outside the project's folders is reported, not copied.
   */
  static int copy(Map<Path, Path> copies, SiteProject project, Diagnostics diagnostics) {
    int files = 0;
    for (Map.Entry<Path, Path> c : copies.entrySet()) {
      var outside = SourceLinks.check(project.source(), project.sourceFolders(), c.getKey());
      if (outside.isPresent()) {
        diagnostics.add(outside.get());
        continue;
      }
      try {
        if (Files.isRegularFile(c.getKey())) {
          Files.createDirectories(c.getValue().getParent());
          AssetCopier.copy(c.getKey(), c.getValue());
          files++;
        } else if (!Files.exists(c.getKey())) {
          Files.deleteIfExists(c.getValue());
        }
      } catch (IOException e) {
        diagnostics.add(Diagnostic.error(ContentLoader.slashes(project.source().relativize(c.getKey())), 0, 0,
            "cannot copy: " + e.getMessage(), "check the file's permissions"));
      }
    }
    return files;
  }
}
