package press.callback.site.jbake;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.jbake.app.FileUtil;
import org.jbake.app.Parser;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.model.DocumentTypes;
import org.jbake.model.ModelAttributes;
import org.jbake.util.HtmlUtil;

/**
 * JBake's crawl without JBake's store: the same walk of {@code content/} and {@code data/} (JBake's
 * file filters, each folder's entries sorted, depth first), the same parsers, the same attributes
 * on each document, in a list in the order the crawler would have stored them.
 *
 * <p>JBake writes each document into an embedded OrientDB and reads the lists back with queries
 * ({@code order by date desc}); the bake only ever read every list once ({@link StoreSnapshot}), so
 * the database was a round trip costing the bake's slowest second at start, a query per file, and
 * at 100,000 posts a third of its CPU and hundreds of MB. The order of documents of one date was
 * the database's: its class is spread over one cluster per core, so the same content baked on a
 * 2-core and a 4-core machine listed same-date posts in different orders. Now they come in the
 * order JBake's store gives on one core, on every machine ({@link StoreSnapshot#of}).
 */
final class ContentCrawl {
  private ContentCrawl() {}

  /** The documents of {@code content/} then of {@code data/}, in crawl order. */
  static List<DocumentModel> run(JBakeConfiguration config) {
    List<DocumentModel> out = new ArrayList<>();
    Parser parser = new Parser(config);
    walk(config.getContentFolder(), FileUtil.getFileFilter(config), file -> content(config, parser, file, out));
    File data = config.getDataFolder();
    if (data != null) {
      walk(data, FileUtil.getDataFileFilter(), file -> data(config, parser, file, out));
    }
    return out;
  }

  private static void walk(File folder, java.io.FileFilter filter, java.util.function.Consumer<File> each) {
    File[] contents = folder.listFiles(filter);
    if (contents == null) {
      return;
    }
    Arrays.sort(contents);
    for (File f : contents) {
      if (f.isFile()) {
        each.accept(f);
      } else if (f.isDirectory()) {
        walk(f, filter, each);
      }
    }
  }

  /** A file JBake's parser could not read (a data file's YAML, say): which, and why. */
  static final class Unreadable extends RuntimeException {
    final File file;

    Unreadable(File file, RuntimeException cause) {
      super(cause.getMessage(), cause);
      this.file = file;
    }
  }

  private static DocumentModel parse(Parser parser, File file) {
    try {
      return parser.processFile(file);
    } catch (RuntimeException e) {
      throw new Unreadable(file, e);
    }
  }

  private static void content(JBakeConfiguration config, Parser parser, File file, List<DocumentModel> out) {
    DocumentModel doc = parse(parser, file);
    if (doc == null || !DocumentTypes.contains(doc.getType())) {
      return; // JBake skips it too (with a warning): our engine returns null for what readers may not see
    }
    String uri = uri(config, file);
    doc.setRootPath(FileUtil.getUriPathToContentRoot(config, file));
    doc.put(ModelAttributes.SHA1, new Sha1(file));
    doc.setRendered(false);
    doc.setFile(file.getPath());
    doc.setSourceUri(uri);
    doc.setUri(uri);
    doc.setCached(true);
    if (ModelAttributes.Status.PUBLISHED_DATE.equals(doc.getStatus()) && doc.getDate() != null
        && new Date().after(doc.getDate())) {
      doc.setStatus(ModelAttributes.Status.PUBLISHED);
    }
    if (config.getUriWithoutExtension()) {
      doc.setNoExtensionUri(uri.replace("/index.html", "/"));
    }
    if (config.getImgPathUpdate()) {
      HtmlUtil.fixImageSourceUrls(doc, config);
    }
    out.add(doc);
  }

  private static void data(JBakeConfiguration config, Parser parser, File file, List<DocumentModel> out) {
    DocumentModel doc = parse(parser, file);
    if (doc == null) {
      return;
    }
    doc.put(ModelAttributes.SHA1, new Sha1(file));
    doc.setRendered(true);
    doc.setFile(file.getPath());
    doc.setSourceUri(relative(config.getDataFolder(), file));
    doc.setType(config.getDataFileDocType());
    out.add(doc);
  }

  /** The document's URI as JBake's crawler makes it (content/blog/a b.md → blog/a+b.html). */
  static String uri(JBakeConfiguration config, File file) {
    String path = relative(config.getContentFolder(), file);
    String folder = org.apache.commons.io.FilenameUtils.getPath(path);
    String name = java.net.URLEncoder.encode(org.apache.commons.io.FilenameUtils.getBaseName(path),
        java.nio.charset.StandardCharsets.UTF_8);
    String prefix = config.getPrefixForUriWithoutExtension();
    boolean noExtension = config.getUriWithoutExtension() && prefix != null && !prefix.isEmpty()
        && ("/" + path).startsWith(prefix);
    return folder + name + (noExtension ? "/index" : "") + config.getOutputExtension();
  }

  /** {@code file}'s path under {@code folder}, with '/' (JBake's {@code asPath} and replace). */
  private static String relative(File folder, File file) {
    String uri = FileUtil.asPath(file).replace(FileUtil.asPath(folder), "");
    return uri.startsWith("/") ? uri.substring(1) : uri;
  }

  /**
   * The file's SHA-1, as JBake's crawler records it ({@code content.sha1}), worked out only if a
   * template asks: no page of ours does, and hashing every file cost the crawl a fifth of its time.
   */
  static final class Sha1 implements freemarker.template.TemplateScalarModel {
    private final File file;
    private String value;

    Sha1(File file) {
      this.file = file;
    }

    @Override
    public synchronized String getAsString() {
      if (value == null) {
        try {
          value = FileUtil.sha1(file);
        } catch (Exception e) {
          value = ""; // as JBake's crawler: a file it cannot hash gets an empty hash
        }
      }
      return value;
    }

    @Override
    public String toString() {
      return getAsString();
    }
  }
}
