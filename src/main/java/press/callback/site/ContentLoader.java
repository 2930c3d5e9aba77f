package press.callback.site;

import java.io.File;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import press.callback.content.Document;
import press.callback.content.DocumentReader;
import press.callback.content.FrontMatterParser;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;
import press.callback.diag.Diagnostics;
import press.callback.site.jbake.JbakeHost;
import press.callback.site.jbake.SiteProject;

/**
 * Reads the content files JBake will crawl (same filter, same order) that our engine handles, and
 * validates them into {@link Document}s. Every file is read once, here.
 */
final class ContentLoader {
  /**
   * Extensions our engine handles. Files that JBake's other engines would read (AsciiDoc, YAML)
   * are refused: they would be published past the checks, drafts and dates included.
   */
  static final Set<String> EXTENSIONS = JbakeHost.MARKUP_EXTENSIONS;

  private final SiteProject project;
  private final FrontMatterParser parser;
  private final DocumentReader reader;

  ContentLoader(SiteProject project) {
    this.project = project;
    this.parser = new FrontMatterParser(project.headerSeparator());
    this.reader = new DocumentReader(project.readerSettings());
  }

  /** Loads every content file, reporting problems into {@code diagnostics}. */
  List<Document> load(Diagnostics diagnostics) {
    Path content = project.contentFolder();
    record Loaded(Document doc, List<Diagnostic> problems) {}
    List<Diagnostic> listing = new ArrayList<>();
    List<Path> files = files(content.toFile(), listing);
    files.removeIf(f -> f.startsWith(ListEmails.folder(project))); // emails, never pages: ListEmails reads them
    diagnostics.addAll(listing);
    // Files are independent: read and checked in parallel, results kept in crawl order.
    List<Loaded> loaded = files.parallelStream()
        .map(file -> {
          String contentPath = slashes(content.relativize(file));
          String path = slashes(project.source().relativize(file));
          try {
            return new Loaded(readChecked(file, path, contentPath), List.of());
          } catch (ContentException e) {
            return new Loaded(null, e.diagnostics());
          }
        })
        .toList();
    List<Document> docs = new ArrayList<>();
    for (Loaded l : loaded) {
      diagnostics.addAll(l.problems());
      if (l.doc() != null) {
        docs.add(l.doc());
      }
    }
    return docs;
  }

  /** Reads and validates one content file (the dev server's edit). */
  Document load(Path file) throws ContentException {
    Path content = project.contentFolder();
    var outside = SourceLinks.check(project.source(), project.sourceFolders(), file);
    if (outside.isPresent()) {
      throw new ContentException(outside.get());
    }
    return readChecked(file, slashes(project.source().relativize(file)), slashes(content.relativize(file)));
  }

  /**
   * Reads and validates one file. Whatever goes wrong in it becomes a diagnostic naming the file:
   * a failure of a library on odd input must not end the whole bake in a stack trace (or the dev
   * server's watcher).
   */
  private Document readChecked(Path file, String path, String contentPath) throws ContentException {
    try {
      return reader.read(parser.parse(path, read(file, path)), contentPath);
    } catch (StackOverflowError e) {
      throw new ContentException(Diagnostic.error(path, 0, 0, "cannot read the file: it is nested too deeply",
          "look for front matter or text that nests brackets or quotes thousands of levels deep"));
    } catch (RuntimeException e) {
      throw new ContentException(Diagnostic.error(path, 0, 0, "cannot read the file: " + e,
          "this is a bug in press: please report it with this file"));
    }
  }

  /**
   * The files to parse, depth first in name order, as JBake's crawler visits them (hidden files
   * and folders with an ignore file left out). A document in another markup (AsciiDoc, YAML) or
   * with an extension in capitals is an error: JBake would render the one past these checks and
   * copy the other as a plain file, front matter, drafts and all.
   */
  private List<Path> files(File folder, List<Diagnostic> problems) {
    List<Path> out = new ArrayList<>();
    File[] children = folder.listFiles();
    if (children == null) {
      problems.add(Diagnostic.error(slashes(project.source().relativize(folder.toPath())) + "/", 0, 0,
          "cannot read the folder", "check its permissions"));
      return out;
    }
    Arrays.sort(children);
    for (File child : children) {
      if (child.isFile() && !child.getName().startsWith(".")) {
        String ext = JbakeHost.extension(child);
        String lower = ext.toLowerCase(Locale.ROOT);
        boolean ours = EXTENSIONS.contains(lower);
        if (!ours && !JbakeHost.documentExtensions().contains(lower)) {
          continue; // a plain file (an image beside an article): copied as it is
        }
        String path = slashes(project.source().relativize(child.toPath()));
        if (!ext.equals(lower)) {
          String name = child.getName();
          problems.add(Diagnostic.error(path, 0, 0,
              "the extension ." + ext + " is not in lower case: JBake would publish the file as it is,"
                  + " front matter and all, drafts too",
              "rename it to " + name.substring(0, name.length() - ext.length()) + lower));
        } else if (ours) {
          out.add(child.toPath());
        } else {
          problems.add(Diagnostic.error(path, 0, 0,
              "press reads documents written in Markdown (.md, .markdown) or HTML (.html, .htm), not ." + ext
                  + ": JBake would render this file past press's checks (drafts and dates included)",
              "write it in Markdown, or move it to assets/ to publish it as a plain file"));
        }
      } else if (child.isDirectory() && !new File(child, project.config().getIgnoreFileName()).exists()) {
        out.addAll(files(child, problems));
      }
    }
    return out;
  }

  private static String read(Path file, String path) throws ContentException {
    try {
      byte[] bytes = Files.readAllBytes(file);
      String text = new String(bytes, StandardCharsets.UTF_8); // the JDK's fast decoder
      if (text.indexOf('\uFFFD') < 0) {
        return text; // nothing was replaced: the bytes were valid UTF-8
      }
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ContentException(
          Diagnostic.error(path, 0, 0, "file is not UTF-8 text", "save the file as UTF-8"));
    } catch (IOException e) {
      throw new ContentException(
          Diagnostic.error(path, 0, 0, "cannot read file: " + e.getMessage(), "check its permissions"));
    }
  }

  static String slashes(Path p) {
    return p.toString().replace(File.separatorChar, '/');
  }
}
