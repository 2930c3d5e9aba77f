package press.callback.site.jbake;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentTypes;
import org.jbake.parser.Engines;
import org.jbake.parser.ParserEngine;
import org.jbake.template.ModelExtractors;
import org.jbake.template.ModelExtractorsDocumentTypeListener;

/**
 * JBake as the process hosts it: the only code that touches JBake's static registries (markup
 * engines, document types, model extractors), and the lock that lets one bake at a time use them.
 * Made once per process (or test) and passed down. JBake's content store is not used: the crawl
 * lists the documents itself ({@link ContentCrawl}).
 *
 * <p>Two hosts in one JVM would share JBake's registries: a process has one, and the tests share
 * one.
 */
public final class JbakeHost {
  private final Object oneBakeAtATime = new Object();
  private boolean listenerAdded;

  /** Runs {@code bake} while no other bake of this host uses JBake's registries and store. */
  public <T> T exclusively(Supplier<T> bake) {
    synchronized (oneBakeAtATime) {
      return bake.get();
    }
  }

  /** Makes {@code engine} JBake's markup engine for files with these extensions. */
  void registerEngine(ParserEngine engine, Collection<String> extensions) {
    for (String ext : extensions) {
      Engines.register(ext, engine);
    }
  }

  /**
   * The extensions of the files press reads itself and hands JBake through its own markup engine
   * (other documents, AsciiDoc say, are left to JBake's engines).
   */
  public static final Set<String> MARKUP_EXTENSIONS = Set.of("md", "markdown", "html", "htm");

  /** The document types registered for the current bake, in JBake's order. */
  List<String> documentTypes() {
    return List.of(DocumentTypes.getDocumentTypes());
  }

  /**
   * The extensions of the files JBake's crawler reads as documents: JBake's own engines' and ours
   * ({@link #MARKUP_EXTENSIONS}); the same for every host. Read from JBake's registry the first
   * time they are asked for (filling it loads JBake's engines: a command that never bakes, such as
   * {@code send} or {@code list serve}, does not pay for that).
   */
  public static Set<String> documentExtensions() {
    return DocumentExtensions.ALL;
  }

  /** Initialized on first use (the holder idiom): JBake's registry is read then, once. */
  private static final class DocumentExtensions {
    static final Set<String> ALL = read();

    private static Set<String> read() {
      Set<String> out = new java.util.TreeSet<>(Engines.getRecognizedExtensions());
      out.addAll(MARKUP_EXTENSIONS);
      return Set.copyOf(out);
    }
  }

  /** A file's extension as JBake's crawler reads it (what follows the last dot), to agree with it. */
  public static String extension(java.io.File file) {
    return org.jbake.app.FileUtil.fileExt(file);
  }


  /** Registers the project's document types (and the data files'), as JBake's Oven does. */
  synchronized void registerTypes(JBakeConfiguration config) {
    DocumentTypes.resetDocumentTypes();
    ModelExtractors.getInstance().reset();
    if (!listenerAdded) {
      DocumentTypes.addListener(new ModelExtractorsDocumentTypeListener());
      listenerAdded = true;
    }
    for (String type : config.getDocumentTypes()) {
      DocumentTypes.addDocumentType(type);
    }
    DocumentTypes.addDocumentType(config.getDataFileDocType());
  }
}
