package press.callback.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches source folders (recursively) and single files, and reports changes in batches: a batch
 * closes once no event has arrived for a short quiet time, so an editor's save (write, rename,
 * backup) is one change. Editor scratch files and hidden files are ignored.
 */
public final class Watcher implements AutoCloseable {
  /** What to do with a batch of changed files, or when events were lost (then bake all). */
  public interface Listener {
    void changed(Set<Path> files);

    void lostTrack();
  }

  private final WatchService service;
  private final Map<WatchKey, Path> folders = new HashMap<>();
  private final Set<Path> roots;
  private final Set<Path> files;
  private final Duration quiet;
  private final Listener listener;
  private final Consumer<String> warn;
  private Thread thread;

  /**
   * @param roots folders watched with everything under them (missing ones are skipped)
   * @param files single files watched (their folder is watched for them alone)
   * @param quiet how long without events closes a batch
   */
  public Watcher(List<Path> roots, List<Path> files, Duration quiet, Listener listener, Consumer<String> warn)
      throws IOException {
    this.service = FileSystems.getDefault().newWatchService();
    this.roots = new LinkedHashSet<>();
    this.files = new LinkedHashSet<>();
    this.quiet = quiet;
    this.listener = listener;
    this.warn = warn;
    for (Path root : roots) {
      Path r = root.toAbsolutePath().normalize();
      if (Files.isDirectory(r)) {
        this.roots.add(r);
        registerTree(r);
      }
    }
    for (Path file : files) {
      Path f = file.toAbsolutePath().normalize();
      this.files.add(f);
      register(f.getParent());
    }
  }

  /** Starts watching on a daemon thread. */
  public void start() {
    thread = new Thread(this::run, "press-watch");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    service.close();
    if (thread != null) {
      thread.interrupt();
    }
  }

  private void run() {
    try {
      while (true) {
        WatchKey first = service.take();
        Set<Path> batch = new LinkedHashSet<>();
        boolean lost = collectSafely(first, batch);
        WatchKey next;
        while ((next = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          lost |= collectSafely(next, batch);
        }
        deliver(lost, batch);
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // stopped
    }
  }

  /**
   * Hands a batch to the listener. Nothing a change does may stop the watching (a bug, a
   * StackOverflowError or OutOfMemoryError on odd input, a checked exception thrown undeclared):
   * it is reported, and the next save tries again.
   */
  private void deliver(boolean lost, Set<Path> batch) {
    try {
      if (lost) {
        listener.lostTrack();
      } else if (!batch.isEmpty()) {
        listener.changed(batch);
      }
    } catch (Throwable e) {
      warn.accept("unexpected failure while applying " + batch.size() + " change(s): " + e
          + "; still watching, save again to retry");
    }
  }

  /** {@link #collect}, or (if reading the events failed) that track of them was lost. */
  private boolean collectSafely(WatchKey key, Set<Path> batch) {
    try {
      return collect(key, batch);
    } catch (ClosedWatchServiceException e) {
      throw e;
    } catch (Throwable e) {
      warn.accept("unexpected failure while reading changes: " + e + "; baking everything again");
      return true;
    }
  }

  /** Adds the key's changes to {@code batch}; returns whether events were lost. */
  private boolean collect(WatchKey key, Set<Path> batch) {
    Path folder = folders.get(key);
    boolean lost = false;
    try {
      lost = collectEvents(key, folder, batch);
    } finally {
      if (!key.reset()) { // whatever happened, the folder keeps reporting
        folders.remove(key);
      }
    }
    return lost;
  }

  private boolean collectEvents(WatchKey key, Path folder, Set<Path> batch) {
    boolean lost = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW || folder == null) {
        lost = true;
        continue;
      }
      Path file = folder.resolve((Path) event.context());
      if (ignored(file) || !watched(file)) {
        continue;
      }
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(file)) {
        registerTree(file); // a folder created or moved in: its files are changes too
        try (Stream<Path> all = Files.walk(file)) {
          all.filter(Files::isRegularFile).filter(f -> !ignored(f)).forEach(batch::add);
        } catch (IOException | UncheckedIOException e) { // a folder gone or unreadable mid-walk
          lost = true;
        }
      } else {
        batch.add(file);
      }
    }
    return lost;
  }

  private boolean watched(Path file) {
    return files.contains(file) || roots.stream().anyMatch(file::startsWith);
  }

  /** Hidden files and the scratch files of editors (vim, emacs, JetBrains). */
  static boolean ignored(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(".") || name.startsWith("#") || name.endsWith("~") || name.endsWith(".swp")
        || name.endsWith(".swx") || name.endsWith(".tmp") || name.endsWith("___jb_tmp___")
        || name.endsWith("___jb_old___") || name.equals("4913");
  }

  private void registerTree(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      all.filter(Files::isDirectory).filter(d -> d.equals(root) || !ignored(d)).forEach(this::register);
    } catch (IOException | UncheckedIOException e) {
      warn.accept("cannot watch " + root + ": " + e.getMessage());
    }
  }

  private void register(Path folder) {
    try {
      folders.put(folder.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), folder);
    } catch (IOException e) {
      warn.accept("cannot watch " + folder + ": " + e.getMessage());
    }
  }
}
