package press.callback.list.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A maildir ({@code new/} and {@code cur/}): each handled message is moved, marked seen, into the
 * Maildir++ folder {@code .press-handled} beside them ({@code .press-handled/cur/NAME:2,S}); what
 * was not handled stays where it is, untouched.
 */
public final class MaildirMailbox implements Mailbox {
  /** The folder the handled messages go to. */
  public static final String HANDLED = ".press-handled";

  private final Path dir;
  private final Path target;

  private MaildirMailbox(Path dir) {
    this.dir = dir;
    this.target = dir.resolve(HANDLED);
  }

  /** @throws IOException when {@code dir} has no {@code cur/} or {@code new/} */
  public static MaildirMailbox open(Path dir) throws IOException {
    if (!Files.isDirectory(dir.resolve("cur")) && !Files.isDirectory(dir.resolve("new"))) {
      throw new IOException(dir + " is not a maildir (it has no cur/ or new/ folder)");
    }
    return new MaildirMailbox(dir);
  }

  @Override
  public void read(Handler handler) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String sub : new String[] {"new", "cur"}) {
      Path d = dir.resolve(sub);
      if (Files.isDirectory(d)) {
        try (Stream<Path> s = Files.list(d)) {
          s.filter(p -> !p.getFileName().toString().startsWith(".") && Files.isRegularFile(p)).sorted().forEach(files::add);
        }
      }
    }
    for (Path f : files) {
      byte[] raw;
      try {
        raw = Files.readAllBytes(f);
      } catch (NoSuchFileException e) {
        continue; // taken by a mail client meanwhile
      }
      if (handler.handle(raw)) {
        file(f);
      }
    }
  }

  private void file(Path f) throws IOException {
    for (String sub : new String[] {"cur", "new", "tmp"}) {
      Files.createDirectories(target.resolve(sub));
    }
    String name = f.getFileName().toString();
    int info = name.indexOf(":2,");
    String base = info < 0 ? name : name.substring(0, info);
    String flags = info < 0 ? "" : name.substring(info + 3);
    if (flags.indexOf('S') < 0) {
      char[] all = (flags + "S").toCharArray();
      java.util.Arrays.sort(all); // maildir flags are kept in ASCII order
      flags = new String(all);
    }
    Files.move(f, target.resolve("cur").resolve(base + ":2," + flags), StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public String filing() {
    return "moved to " + HANDLED;
  }

  @Override
  public void close() {}
}
