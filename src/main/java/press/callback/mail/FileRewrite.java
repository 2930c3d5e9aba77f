package press.callback.mail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;

/**
 * Replaces the content of a file that holds personal data, all or nothing: the new bytes go to a
 * temporary file beside the real one (through any symbolic link), created with the file's mode so
 * they are never readable by more people than the file, given its owner and group, forced to disk,
 * renamed over it, and the folder forced too.
 *
 * <p>Updates of one file never overlap, so none is lost: within this process by the monitor of its
 * {@link ProcessLocks}, between processes by an OS lock on an empty file beside it ({@code
 * .NAME.lock}, mode 0600, left in place; the OS releases the lock when a process ends, however it
 * ends).
 */
final class FileRewrite {
  /** The new content for the current one; {@code null} to leave the file as it is. */
  interface Edit {
    byte[] apply(byte[] current) throws ContentException;
  }

  private FileRewrite() {}

  /**
   * Applies {@code edit} to the file's content.
   *
   * @param display how errors name the file
   * @return whether the file was replaced
   * @throws ContentException if the file cannot be read or replaced as promised; it is then unchanged
   */
  static boolean rewrite(Path file, String display, Edit edit, ProcessLocks locks) throws ContentException {
    Path real;
    try {
      real = file.toRealPath();
    } catch (IOException e) {
      throw error(display, "cannot read the list: " + reason(e), "check the path");
    }
    if (!Files.isRegularFile(real)) {
      throw error(display, "the list is not a file", "give the path of the CSV file");
    }
    synchronized (locks.rewrites()) { // FileChannel locks belong to the whole process: one at a time in it
      try (FileChannel lockFile = openLock(real); FileLock lock = lockFile.lock()) {
        requireWritableAndOneName(real, display);
        byte[] next = edit.apply(Files.readAllBytes(real));
        if (next == null) {
          return false;
        }
        replace(real, next, display);
        return true;
      } catch (IOException e) {
        throw error(display, "cannot update the list: " + reason(e), "check the file and its folder");
      }
    }
  }

  /**
   * The lock is on a file of its own beside the list, never replaced and never read: a lock on the
   * list itself would stay with the old file after the rename, and POSIX drops a process's lock on
   * a file when any descriptor of that file is closed (reading the list, for one).
   */
  private static FileChannel openLock(Path real) throws IOException {
    Path lock = real.resolveSibling("." + real.getFileName() + ".lock");
    Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    if (Files.getFileAttributeView(real, PosixFileAttributeView.class) == null) {
      return FileChannel.open(lock, options);
    }
    FileChannel channel = FileChannel.open(lock, options, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      // made by root (sudo) for a list root does not own: give it to the list's owner, who must open it too
      UserPrincipal owner = Files.getOwner(real);
      PosixFileAttributeView view = Files.getFileAttributeView(lock, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
      if (!view.getOwner().equals(owner)) {
        view.setOwner(owner);
      }
    } catch (IOException e) {
      // not allowed: then press runs as someone who is not the list's owner, and keeps the lock it has
    }
    return channel;
  }

  private static ContentException readOnly(String display) {
    return error(display, "the list is read-only for press", "make it writable for its owner (chmod u+w) and run press as its owner");
  }

  /**
   * A list without its owner's write permission is one its owner froze (even for root); and a
   * rename would leave the old content, with the address, under the file's other names.
   */
  private static void requireWritableAndOneName(Path real, String display) throws IOException, ContentException {
    if (Files.getFileAttributeView(real, PosixFileAttributeView.class) != null
        && !Files.getPosixFilePermissions(real).contains(PosixFilePermission.OWNER_WRITE)) {
      throw readOnly(display);
    }
    Object links;
    try {
      links = Files.getAttribute(real, "unix:nlink");
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return;
    }
    if (links instanceof Integer n && n > 1) {
      throw error(display, "the list has " + n + " names (hard links); replacing it would leave the old list under the others",
          "keep one name (use a symbolic link for a second one)");
    }
  }

  private static void replace(Path real, byte[] content, String display) throws IOException, ContentException {
    PosixFileAttributes posix = Files.getFileAttributeView(real, PosixFileAttributeView.class) == null
        ? null : Files.readAttributes(real, PosixFileAttributes.class);
    FileAttribute<?>[] mode = posix == null
        ? new FileAttribute<?>[0] : new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(posix.permissions())};
    Path temp = real.resolveSibling("." + real.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    try {
      // created with the file's mode (less what the umask takes): never readable by more people than the list
      try (FileChannel out = FileChannel.open(temp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), mode)) {
        if (posix != null) {
          keepOwnerAndMode(temp, posix, display);
        }
        ByteBuffer bytes = ByteBuffer.wrap(content);
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
        out.force(true);
      }
      Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | ContentException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    try (FileChannel folder = FileChannel.open(real.getParent(), StandardOpenOption.READ)) {
      folder.force(true);
    } catch (IOException e) {
      // some systems cannot open a folder; the rename is done and the file's content is on disk
    }
  }

  private static void keepOwnerAndMode(Path temp, PosixFileAttributes file, String display) throws IOException, ContentException {
    PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
    PosixFileAttributes made = view.readAttributes();
    try {
      if (!made.owner().equals(file.owner())) {
        view.setOwner(file.owner());
      }
      if (!made.group().equals(file.group())) {
        view.setGroup(file.group());
      }
    } catch (IOException e) {
      throw error(display, "cannot give the new list the owner and group of the old (" + file.owner().getName() + ":"
          + file.group().getName() + ")", "run press as the list's owner");
    }
    view.setPermissions(file.permissions()); // the umask may have taken bits the list has
  }

  private static String reason(IOException e) {
    return e instanceof NoSuchFileException ? "no such file" : e.getClass().getSimpleName() + " " + e.getMessage();
  }

  private static ContentException error(String display, String message, String hint) {
    return new ContentException(Diagnostic.error(display, 0, 0, message, hint));
  }
}
