package press.callback.site.jbake;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.jbake.app.ContentStore;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.model.DocumentTypes;
import org.jbake.parser.Engines;
import org.jbake.parser.ParserEngine;
import org.jbake.template.ModelExtractors;
import org.jbake.template.ModelExtractorsDocumentTypeListener;

/**
 * JBake as the process hosts it: the only code that touches JBake's static registries (markup
 * engines, document types, model extractors), the store started before the project is read, and
 * the lock that lets one bake at a time use them. Made once per process (or test) and passed down.
 *
 * <p>Two hosts in one JVM would share JBake's registries: a process has one, and the tests share
 * one.
 */
public final class JbakeHost {
  /** JBake's default store: in memory, named {@code cache} ({@code db.store}, {@code db.path}). */
  private static final String DEFAULT_STORE = "memory";
  private static final String DEFAULT_PATH = "cache";

  private final Object oneBakeAtATime = new Object();
  private boolean listenerAdded;
  /** A default store started before the project was read ({@link #prestart}), or {@code null}. */
  private FutureTask<ContentStore> prestarted;

  /**
   * A host. JBake's store is an in-memory database opened as admin/admin by JBake itself; OrientDB
   * would hash its default users' passwords with 65,536 rounds of PBKDF2 — most of a second per
   * store. Nothing is protected by them, so they are hashed once (a system property OrientDB reads).
   */
  public JbakeHost() {
    if (System.getProperty("security.userPasswordDefaultAlgorithm") == null) {
      System.setProperty("security.userPasswordDefaultAlgorithm", "SHA-256");
    }
  }

  /**
   * Starts JBake's default store on a thread of its own, before the command line's project is
   * read: most projects use the default, and the store is the start of a bake's longest chain
   * (store, crawl, pages). The next bake takes it if its project's store is the default one.
   */
  public synchronized void prestart() {
    if (prestarted != null) {
      return;
    }
    prestarted = new FutureTask<>(() -> {
      ContentStore db = new ContentStore(DEFAULT_STORE, DEFAULT_PATH);
      db.startup();
      return db;
    });
    Thread t = new Thread(prestarted, "press-store-start");
    t.setDaemon(true);
    t.start();
  }

  /** Whether a prestarted store waits to be taken (for tests). */
  synchronized boolean prestartPending() {
    return prestarted != null;
  }

  /** Runs {@code bake} while no other bake of this host uses JBake's registries and store. */
  public <T> T exclusively(Supplier<T> bake) {
    synchronized (oneBakeAtATime) {
      return bake.get();
    }
  }

  /**
   * Starts the store {@code config} asks for (the prestarted one if it is that) and registers the
   * document types.
   */
  ContentStore startStore(DefaultJBakeConfiguration config) {
    ContentStore db = takePrestarted(config);
    if (db == null) {
      db = new ContentStore(config.getDatabaseStore(), config.getDatabasePath());
      db.startup();
    }
    registerTypes(config);
    db.updateSchema();
    db.updateAndClearCacheIfNeeded(config.getClearCache(), config.getTemplateFolder());
    return db;
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
   * ({@link #MARKUP_EXTENSIONS}). Read from JBake's registry when it is filled, before any
   * bake; the same for every host.
   */
  public static final Set<String> DOCUMENT_EXTENSIONS = documentExtensions();

  /** A file's extension as JBake's crawler reads it (what follows the last dot), to agree with it. */
  public static String extension(java.io.File file) {
    return org.jbake.app.FileUtil.fileExt(file);
  }

  private static Set<String> documentExtensions() {
    Set<String> out = new java.util.TreeSet<>(Engines.getRecognizedExtensions());
    out.addAll(MARKUP_EXTENSIONS);
    return Set.copyOf(out);
  }

  /** The prestarted store if it is the one {@code config} asks for (taken once), else {@code null}. */
  private ContentStore takePrestarted(DefaultJBakeConfiguration config) {
    FutureTask<ContentStore> task;
    synchronized (this) {
      task = prestarted;
      prestarted = null;
    }
    if (task == null) {
      return null;
    }
    try {
      ContentStore db = task.get();
      if (DEFAULT_STORE.equalsIgnoreCase(config.getDatabaseStore()) && DEFAULT_PATH.equals(config.getDatabasePath())) {
        return db;
      }
      db.close();
    } catch (ExecutionException e) {
      // started again by the caller, where a failure is reported
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  private synchronized void registerTypes(DefaultJBakeConfiguration config) {
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
