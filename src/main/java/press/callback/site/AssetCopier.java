package press.callback.site;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jbake.app.FileUtil;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.parser.Engines;
import press.callback.diag.Diagnostic;

/**
 * Copies the site's static files, as JBake's {@code Asset} does: all of {@code assets/}, and the
 * files of {@code content/} that no markup engine reads (images beside an article, say), skipping
 * folders with a {@code .jbakeignore} and hidden files (in {@code assets/} only if {@code
 * asset.ignore=true}). Unlike JBake, it never publishes what editors leave beside the files they
 * save: a backup {@code post.md~} holds a draft's whole text. Copies get the umask's permissions
 * and the source's modification time.
 */
final class AssetCopier {
  /** Suffixes of editors' backup, swap and temporary files. */
  private static final List<String> LEFTOVER_SUFFIXES = List.of(
      "~", ".swp", ".swo", ".swx", ".swn", ".bak", ".orig", ".rej", ".tmp", "___jb_tmp___", "___jb_old___");
  /** Names that file managers and editors leave in folders. */
  private static final Set<String> LEFTOVER_NAMES = Set.of(".DS_Store", "Thumbs.db", "desktop.ini", "4913");

  private final JBakeConfiguration config;
  private final List<Diagnostic> problems = new ArrayList<>();

  AssetCopier(JBakeConfiguration config) {
    this.config = config;
  }

  /**
   * Whether a file is an editor's leftover, never published: a backup ({@code post.md~}), an
   * autosave ({@code #post.md#}), a swap or lock file ({@code .post.md.swp}, {@code .#post.md}),
   * or a file manager's note ({@code .DS_Store}).
   */
  static boolean isLeftover(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return LEFTOVER_NAMES.contains(name) || lower.startsWith(".#")
        || (name.length() > 1 && name.startsWith("#") && name.endsWith("#"))
        || LEFTOVER_SUFFIXES.stream().anyMatch(lower::endsWith);
  }

  /** Copies assets and content files into {@code destination}; returns the problems. */
  List<Diagnostic> copyAll(Path destination) {
    copy(config.getAssetFolder(), destination.toFile(), false);
    copy(config.getContentFolder(), destination.toFile(), true);
    return problems;
  }

  private void copy(File from, File to, boolean content) {
    File[] children = from.listFiles();
    if (children == null) {
      return;
    }
    Arrays.sort(children);
    for (File child : children) {
      String name = child.getName();
      boolean hidden = name.startsWith(".");
      if (child.isFile()) {
        if (isLeftover(name) || (hidden && (content || config.getAssetIgnoreHidden()))
            || (content && Engines.getRecognizedExtensions().contains(FileUtil.fileExt(child)))) {
          continue;
        }
        copyFile(child.toPath(), to.toPath().resolve(name));
      } else if (FileUtil.directoryOnlyIfNotIgnored(child, config)) { // hidden ones too: .well-known/
        copy(child, new File(to, name), content);
      }
    }
  }

  private void copyFile(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
      Files.setLastModifiedTime(to, Files.getLastModifiedTime(from));
    } catch (IOException e) {
      String root = config.getSourceFolder().toPath().toAbsolutePath().normalize().toString();
      String path = from.toAbsolutePath().normalize().toString();
      problems.add(Diagnostic.error(path.startsWith(root + File.separator) ? path.substring(root.length() + 1) : path,
          0, 0, "cannot copy: " + e.getMessage(), "check the file's permissions"));
    }
  }
}
