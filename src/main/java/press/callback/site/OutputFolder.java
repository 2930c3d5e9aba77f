package press.callback.site;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Bakes into temporary folders beside the outputs and swaps them all in only when the bake
 * succeeded, so a failed bake leaves the previous site and newsletter as they were.
 *
 * <p>The folders are created with {@link Files#createDirectory}, so they get the process's umask
 * like any folder the user makes (a web server's user can read them), not the 0700 of a temporary
 * directory. Each one holds {@value #MARK}, which tells a later bake that the folder is press's
 * own and may be replaced whole.
 *
 * <p>Over 300 lines: staging, the swap of several folders and the rollback of a failed swap are
 * one protocol, whose steps must agree.
 */
final class OutputFolder {
  /** The file that marks a folder as made by a bake (see {@link OutputGuard}). */
  static final String MARK = ".press-output";
  /** The lock file that a swap holds in each output's parent folder. */
  static final String LOCK = ".press-output.lock";

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final String BAKING = ".press-baking-";
  private static final String OLD = ".press-old-";
  /** Leftovers of this version and of the one before, which named them after the output. */
  private static final Pattern LEFTOVER = Pattern.compile("\\.(press-|.+\\.)(baking|old)-[0-9a-f]+");

  private final Path output;
  private final Path staging;
  private final FileChannel inUse;

  private OutputFolder(Path output, Path staging, FileChannel inUse) {
    this.output = output;
    this.staging = staging;
    this.inUse = inUse;
  }

  /** Creates an empty staging folder next to {@code output} (same file system, so moves are cheap). */
  static OutputFolder stage(Path output) throws IOException {
    Path absolute = output.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent == null) {
      throw new IOException("the root folder cannot be an output folder");
    }
    Files.createDirectories(parent);
    Path staging = create(parent, BAKING); // a short name: the output's own may be near the limit
    Path mark = staging.resolve(MARK);
    Files.writeString(mark, "Made by press bake. Every bake replaces this folder whole: keep nothing else here.\n");
    // Held while the bake runs: a later bake deletes a staging folder only if nobody holds its mark
    // (a bake killed, or stopped with Ctrl+C, leaves one behind).
    FileChannel inUse = FileChannel.open(mark, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      inUse.lock();
    } catch (IOException | RuntimeException e) {
      inUse.close();
      throw e;
    }
    return new OutputFolder(absolute, staging, inUse);
  }

  /** A new folder {@code prefix<random>} in {@code parent}, with the umask's permissions. */
  private static Path create(Path parent, String prefix) throws IOException {
    for (int attempt = 0; ; attempt++) {
      byte[] bytes = new byte[6];
      RANDOM.nextBytes(bytes);
      try {
        return Files.createDirectory(parent.resolve(prefix + HexFormat.of().formatHex(bytes)));
      } catch (FileAlreadyExistsException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  Path staging() {
    return staging;
  }

  Path output() {
    return output;
  }

  /** How many files the staging folder holds (the mark not counted). */
  int countFiles() throws IOException {
    try (var files = Files.walk(staging)) {
      return (int) files.filter(Files::isRegularFile).filter(p -> !p.equals(staging.resolve(MARK))).count();
    }
  }

  /**
   * Replaces every output with its staging folder: all of them or none. The previous outputs are
   * first moved aside, then the new ones moved in; if any move fails, what was moved is moved back
   * and the exception thrown, so each output is as it was. Only then are the previous outputs
   * deleted: a copy that cannot be deleted (a read-only or immutable file in it) does not undo the
   * swap, it is returned for a warning.
   *
   * @return the previous outputs' copies that could not be deleted
   * @throws SwapException if the outputs could not all be replaced; {@link SwapException#intact()}
   *     says whether every output is as it was
   */
  static List<Path> commitAll(List<OutputFolder> folders) throws IOException {
    // Two bakes into the same folders at once (two terminals, serve and a script) must not
    // interleave their moves: the swap holds an OS lock in each output's parent folder.
    List<FileChannel> channels = new ArrayList<>();
    try {
      for (Path parent : new TreeSet<>(folders.stream().map(f -> f.output.getParent()).toList())) {
        FileChannel channel = FileChannel.open(parent.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channels.add(channel);
        channel.lock();
      }
      for (Path parent : new TreeSet<>(folders.stream().map(f -> f.output.getParent()).toList())) {
        deleteLeftovers(parent, folders);
      }
      return swap(folders);
    } finally {
      for (FileChannel channel : channels) {
        channel.close(); // releases the lock
      }
    }
  }

  /**
   * Deletes what earlier bakes left in {@code parent} when they were killed or stopped: previous
   * outputs moved aside (only a swap makes those, and this one holds the lock) and staging folders
   * whose bake no longer holds their mark. Best effort: what cannot be deleted stays.
   */
  private static void deleteLeftovers(Path parent, List<OutputFolder> ours) {
    List<Path> leftovers;
    try (var children = Files.list(parent)) {
      leftovers = children.filter(p -> LEFTOVER.matcher(p.getFileName().toString()).matches())
          .filter(p -> ours.stream().noneMatch(f -> f.staging.equals(p))).toList();
    } catch (IOException e) {
      return;
    }
    for (Path p : leftovers) {
      try {
        if (p.getFileName().toString().contains("baking-") && inUse(p)) {
          continue;
        }
        delete(p);
      } catch (IOException e) {
        // left for the next bake
      }
    }
  }

  /** Whether a bake still works in this staging folder (it holds the lock of its mark). */
  private static boolean inUse(Path staging) throws IOException {
    Path mark = staging.resolve(MARK);
    if (!Files.isRegularFile(mark, LinkOption.NOFOLLOW_LINKS)) {
      // made by the version before, or killed before its mark: in use only if it is recent
      return Files.getLastModifiedTime(staging).toMillis() > System.currentTimeMillis() - 600_000;
    }
    try (FileChannel channel = FileChannel.open(mark, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true; // held in this process
    }
  }

  private static List<Path> swap(List<OutputFolder> folders) throws SwapException {
    List<Path> aside = new ArrayList<>(); // per folder: where its previous output went, or null
    List<OutputFolder> movedIn = new ArrayList<>();
    try {
      for (OutputFolder f : folders) {
        Path old = null;
        if (Files.exists(f.output, LinkOption.NOFOLLOW_LINKS)) {
          String staged = f.staging.getFileName().toString();
          old = f.output.resolveSibling(OLD + staged.substring(BAKING.length()));
          move(f.output, old);
        }
        aside.add(old);
      }
      for (OutputFolder f : folders) {
        move(f.staging, f.output);
        movedIn.add(f);
      }
    } catch (IOException e) {
      List<String> stuck = new ArrayList<>();
      for (int i = movedIn.size() - 1; i >= 0; i--) {
        OutputFolder f = movedIn.get(i);
        try {
          move(f.output, f.staging);
        } catch (IOException again) {
          stuck.add("the new " + f.output + " could not be taken back (" + again.getMessage() + ")");
        }
      }
      for (int i = aside.size() - 1; i >= 0; i--) {
        Path old = aside.get(i);
        if (old == null) {
          continue;
        }
        Path output = folders.get(i).output;
        try {
          move(old, output);
        } catch (IOException again) {
          stuck.add("the previous " + output + " is at " + old + " (" + again.getMessage() + ")");
        }
      }
      throw new SwapException(describe(e), stuck);
    }
    List<Path> leftovers = new ArrayList<>();
    for (Path old : aside) {
      if (old != null) {
        try {
          delete(old);
        } catch (IOException e) {
          leftovers.add(old);
        }
      }
    }
    return leftovers;
  }

  /** Deletes the staging folder if it was not committed; the output is untouched. Ends the bake's hold. */
  void discard() {
    try {
      inUse.close();
    } catch (IOException e) {
      // released anyway when the process ends
    }
    if (!Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      delete(staging);
    } catch (IOException e) {
      // A leftover hidden folder is harmless; the next bake uses a new one.
    }
  }

  /** Why a swap failed, in words: the exception's own message is often just a path. */
  private static String describe(IOException e) {
    String what = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2");
    return e.getMessage() == null ? what : what + ": " + e.getMessage();
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Deletes a folder and everything in it, without following symbolic links. */
  static void delete(Path folder) throws IOException {
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            deleteOwned(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            if (exc != null) {
              throw exc;
            }
            deleteOwned(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /**
   * Deletes a file of a folder that press made; if its folder was made read-only (by hand, or by
   * a tool that copies permissions), makes that folder writable for its owner and tries once more.
   */
  private static void deleteOwned(Path file) throws IOException {
    try {
      Files.delete(file);
    } catch (AccessDeniedException e) {
      Path parent = file.getParent();
      PosixFileAttributeView view = parent == null ? null
          : Files.getFileAttributeView(parent, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
      if (view == null) {
        throw e;
      }
      Set<PosixFilePermission> permissions = view.readAttributes().permissions();
      if (!permissions.add(PosixFilePermission.OWNER_WRITE)) {
        throw e;
      }
      view.setPermissions(permissions);
      Files.delete(file);
    }
  }

  /** The outputs could not all be replaced. */
  static final class SwapException extends IOException {
    private final List<String> stuck;

    SwapException(String message, List<String> stuck) {
      super(message);
      this.stuck = List.copyOf(stuck);
    }

    /** Whether every output is as it was before the swap. */
    boolean intact() {
      return stuck.isEmpty();
    }

    /** What could not be put back, in words (empty if {@link #intact()}). */
    List<String> stuck() {
      return stuck;
    }
  }
}
