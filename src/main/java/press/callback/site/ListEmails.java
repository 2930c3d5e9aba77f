package press.callback.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import press.callback.content.FrontMatterParser;
import press.callback.content.ListEmail;
import press.callback.content.ListEmailReader;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;
import press.callback.diag.Diagnostics;
import press.callback.site.jbake.AssetCopier;
import press.callback.site.jbake.SiteProject;

/**
 * Reads the list service's emails from {@code content/list/} ({@code confirm.md}, {@code
 * already.md}, {@code welcome.md}). They are never pages: the content loader and the asset copy
 * leave the folder out, and this reads it. A project without the folder has no list emails.
 */
final class ListEmails {
  private static final List<String> WHEN = List.of(
      "to every new address, to confirm it", "when an address already on the list signs up again",
      "when an address confirms");

  private ListEmails() {}

  /** {@code content/list/}. */
  static Path folder(SiteProject project) {
    return project.contentFolder().resolve(ListEmail.FOLDER);
  }

  /** The list emails of the project, in {@link ListEmail#NAMES} order; problems go to {@code diagnostics}. */
  static List<ListEmail> read(SiteProject project, Diagnostics diagnostics) {
    Path folder = folder(project);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.sorted().toList();
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(relative(project, folder) + "/", 0, 0, "cannot read the folder",
          "check its permissions"));
      return List.of();
    }
    FrontMatterParser parser = new FrontMatterParser(project.headerSeparator());
    ListEmailReader reader = new ListEmailReader();
    List<ListEmail> out = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.startsWith(".") || AssetCopier.isLeftover(name)) {
        continue;
      }
      String path = relative(project, file);
      if (!Files.isRegularFile(file) || !name.endsWith(".md")) {
        diagnostics.add(Diagnostic.error(path, 0, 0,
            "content/" + ListEmail.FOLDER + "/ holds only the list emails: " + String.join(".md, ", ListEmail.NAMES) + ".md",
            "move it elsewhere: nothing in this folder is published (images go in assets/)"));
        continue;
      }
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        out.add(reader.read(parser.parse(path, text), name.substring(0, name.length() - 3)));
      } catch (ContentException e) {
        diagnostics.addAll(e.diagnostics());
      } catch (IOException e) {
        diagnostics.add(Diagnostic.error(path, 0, 0, "cannot read the file (is it UTF-8 text?): " + e.getMessage(),
            "save it as UTF-8 and check its permissions"));
      }
    }
    for (ListEmail.Kind kind : ListEmail.Kind.values()) {
      String name = kind.word();
      if (!Files.exists(folder.resolve(name + ".md"))) {
        diagnostics.add(Diagnostic.error(relative(project, folder.resolve(name + ".md")), 0, 0,
            "the list email " + name + ".md is missing",
            "write it (title, subject, preheader and its text with " + kind.required()
                + "): the list service sends it " + WHEN.get(ListEmail.NAMES.indexOf(name))));
      }
    }
    out.sort(java.util.Comparator.comparingInt(e -> ListEmail.NAMES.indexOf(e.name())));
    return List.copyOf(out);
  }

  private static String relative(SiteProject project, Path file) {
    return ContentLoader.slashes(project.source().relativize(file));
  }
}
