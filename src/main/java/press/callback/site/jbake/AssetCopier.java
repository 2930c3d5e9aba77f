package press.callback.site.jbake;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jbake.app.FileUtil;
import org.jbake.app.configuration.JBakeConfiguration;
import press.callback.content.ListEmail;
import press.callback.diag.Diagnostic;

/**
 * Copies the site's static files, as JBake's {@code Asset} does: all of {@code assets/}, and the
 * files of {@code content/} that no markup engine reads (images beside an article, say), skipping
 * folders with a {@code .jbakeignore} and hidden files (in {@code assets/} only if {@code
 * asset.ignore=true}). Unlike JBake, it never publishes what editors leave beside the files they
 * save: a backup {@code post.md~} holds a draft's whole text. Copies get the umask's permissions
 * and the source's modification time.
 */
public final class AssetCopier {
  /** Suffixes of editors' backup, swap and temporary files. */
  private static final List<String> LEFTOVER_SUFFIXES = List.of(
      "~", ".swp", ".swo", ".swx", ".swn", ".bak", ".orig", ".rej", ".tmp", ".save", "___jb_tmp___", "___jb_old___");
  /** Names that file managers and editors leave in folders. */
  private static final Set<String> LEFTOVER_NAMES = Set.of(".DS_Store", "Thumbs.db", "desktop.ini", "4913");

  private final JBakeConfiguration config;
  private final List<Diagnostic> problems = new ArrayList<>();

  AssetCopier(JBakeConfiguration config) {
    this.config = config;
  }

  /**
   * Whether a file is an editor's leftover, never published: a backup ({@code post.md~}), an
   * autosave ({@code #post.md#}, nano's {@code post.md.save}), a swap or lock file ({@code
   * .post.md.swp}, {@code .#post.md}, Office's {@code ~$report.docx}), or a file manager's note
   * ({@code .DS_Store}).
   */
  public static boolean isLeftover(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return LEFTOVER_NAMES.contains(name) || lower.startsWith(".#") || name.startsWith("~$")
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
      if (from.exists()) {
        problems.add(Diagnostic.error(relative(from.toPath()) + "/", 0, 0, "cannot read the folder",
            "check its permissions"));
      }
      return;
    }
    Arrays.sort(children);
    for (File child : children) {
      String name = child.getName();
      boolean hidden = name.startsWith(".");
      if (child.isFile()) {
        if (isLeftover(name) || (hidden && (content || config.getAssetIgnoreHidden()))
            || (content && JbakeHost.documentExtensions().contains(FileUtil.fileExt(child).toLowerCase(Locale.ROOT)))) {
          continue;
        }
        copyFile(child.toPath(), to.toPath().resolve(name));
      } else if (content && from.equals(config.getContentFolder()) && name.equals(ListEmail.FOLDER)) {
        continue; // the list service's emails (ListEmails): nothing of them is published
      } else if (child.isDirectory() && !new File(child, config.getIgnoreFileName()).exists()) { // hidden ones too: .well-known/
        copy(child, new File(to, name), content);
      }
    }
  }

  private void copyFile(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      copy(from, to);
    } catch (IOException e) {
      problems.add(Diagnostic.error(relative(from), 0, 0, "cannot copy: " + e.getMessage(), "check the file's permissions"));
    }
  }

  /**
   * Copies a file's bytes and modification time, not its permissions: {@link Files#copy} creates
   * the copy with the source's mode, so a 0600 asset would be unreadable to the web server. A new
   * file gets the umask's permissions, like any file the user makes.
   */
  public static void copy(Path from, Path to) throws IOException {
    try (var in = Files.newInputStream(from);
        var out = Files.newOutputStream(to, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      in.transferTo(out);
    }
    Files.setLastModifiedTime(to, Files.getLastModifiedTime(from));
  }

  private String relative(Path file) {
    String root = config.getSourceFolder().toPath().toAbsolutePath().normalize().toString();
    String path = file.toAbsolutePath().normalize().toString();
    return path.startsWith(root + File.separator) ? path.substring(root.length() + 1) : path;
  }
}
