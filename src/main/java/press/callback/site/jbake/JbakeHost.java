package press.callback.site.jbake;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import com.orientechnologies.orient.core.db.ODatabaseRecordThreadLocal;
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
 * <p>The store lives as long as the host ({@link #close}): every bake whose project asks for the
 * same store ({@code db.store}, {@code db.path}) takes it emptied of the previous bake's documents,
 * as if new (its documents' class is made anew, so that documents of the same date come back in a
 * new store's order); a project with another store gets its own; a bake that failed in the store
 * leaves it to be closed and started anew.
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
  /** The store of the last bake, kept for the next ({@code null} before the first or after a failure). */
  private ContentStore kept;
  /** Which store {@link #kept} is: {@code db.store:db.path}. */
  private String keptKey;

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
   * The store {@code config} asks for, empty, with the document types registered: the prestarted
   * one if it is that, else the previous bake's if it is that, else a new one.
   */
  ContentStore startStore(DefaultJBakeConfiguration config) {
    String key = config.getDatabaseStore().toLowerCase(java.util.Locale.ROOT) + ":" + config.getDatabasePath();
    ContentStore db = takePrestarted(config);
    synchronized (this) {
      if (db != null || !key.equals(keptKey)) {
        discardKept();
      } else if (kept != null) {
        db = kept;
        kept = null;
        if (!emptied(db)) {
          close(db);
          db = null;
        }
      }
    }
    if (db == null) {
      db = new ContentStore(config.getDatabaseStore(), config.getDatabasePath());
      db.startup();
    }
    synchronized (this) {
      kept = db;
      keptKey = key;
    }
    registerTypes(config);
    db.updateSchema();
    db.updateAndClearCacheIfNeeded(config.getClearCache(), config.getTemplateFolder());
    return db;
  }

  /**
   * Ends a bake's use of {@code db}: kept for the next bake, or closed if the bake failed while
   * using it (whatever it left half done is not worth trusting).
   */
  synchronized void release(ContentStore db, boolean failed) {
    if (failed && db == kept) {
      discardKept();
    }
  }

  /** Closes the store kept for the next bake and a prestarted one (at the end of the process). */
  public void close() {
    FutureTask<ContentStore> task;
    synchronized (this) {
      discardKept();
      task = prestarted;
      prestarted = null;
    }
    if (task != null) {
      try {
        close(task.get(1, java.util.concurrent.TimeUnit.MINUTES));
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        // nothing to close, or left to the end of the process
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
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
      close(db);
    } catch (ExecutionException e) {
      // started again by the caller, where a failure is reported
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  /**
   * Empties {@code db} of a previous bake's documents by dropping their class ({@code updateSchema}
   * creates it again): deleting the documents alone would leave OrientDB's round-robin over the
   * class's clusters where the last bake stopped, and documents of one date would then come back
   * from queries in another order than from a new store. Whether it worked.
   */
  private static boolean emptied(ContentStore db) {
    try {
      db.getDocumentCount("post"); // activates the store's session on this thread
      ODatabaseRecordThreadLocal.instance().get().getMetadata().getSchema().dropClass(DOCUMENTS);
      db.updateSchema();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** JBake's class of documents in its store. */
  private static final String DOCUMENTS = "Documents";

  private void discardKept() {
    if (kept != null) {
      close(kept);
    }
    kept = null;
    keptKey = null;
  }

  private static void close(ContentStore db) {
    try {
      db.close();
      db.shutdown();
    } catch (RuntimeException e) {
      // a store that cannot be closed is dropped all the same
    }
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
