package press.callback.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Delivers into a folder, one {@code .eml} per recipient, as mail servers' pickup directories
 * do: nothing leaves the machine. Each file is written whole, then moved into place.
 */
public final class PickupFolder implements Destination {
  private final Path folder;
  private final boolean everyMessage;

  /** A pickup folder with one file per recipient: a resend replaces it (what {@code press send} wants). */
  public PickupFolder(Path folder) {
    this(folder, false);
  }

  private PickupFolder(Path folder, boolean everyMessage) {
    this.folder = folder;
    this.everyMessage = everyMessage;
  }

  /**
   * A pickup folder that keeps every message, each in a file of its own (the list service's:
   * a second confirmation to one reader must not replace the first).
   */
  public static PickupFolder everyMessage(Path folder) {
    return new PickupFolder(folder, true);
  }

  @Override
  public String id() {
    return "pickup";
  }

  @Override
  public String description() {
    return "the pickup folder " + folder;
  }

  @Override
  public boolean isReal() {
    return false;
  }

  @Override
  public MailTransport open() throws DeliveryException {
    try {
      if (!Files.isDirectory(folder) && folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        // the messages carry addresses: personal data, for the owner's eyes only
        Files.createDirectories(folder, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(folder);
      }
    } catch (IOException e) {
      throw new DeliveryException(DeliveryException.Kind.PERMANENT, 0, "cannot create " + folder + ": " + e.getMessage(), e);
    }
    return new MailTransport() {
      @Override
      public void connect() {}

      @Override
      public void deliver(MimeMessage message, String recipient) throws DeliveryException {
        Path file = folder.resolve(everyMessage ? messageFileName(recipient, message) : fileName(recipient));
        Path part = folder.resolve("." + file.getFileName() + ".part");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(part), 64 * 1024)) {
          message.writeTo(out);
        } catch (IOException | MessagingException e) {
          throw new DeliveryException(DeliveryException.Kind.TEMPORARY, 0, "cannot write " + part + ": " + e.getMessage(), e);
        }
        try {
          try {
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
          }
        } catch (IOException e) {
          throw new DeliveryException(DeliveryException.Kind.TEMPORARY, 0, "cannot write " + file + ": " + e.getMessage(), e);
        }
      }

      @Override
      public void close() {}
    };
  }

  /** The file of one message: the recipient's hash, then its Message-ID's. */
  private static String messageFileName(String recipient, MimeMessage message) throws DeliveryException {
    String id;
    try {
      id = String.valueOf(message.getMessageID());
    } catch (MessagingException e) {
      throw new DeliveryException(DeliveryException.Kind.PERMANENT, 0, "a message without a Message-ID: " + e.getMessage(), e);
    }
    String name = fileName(recipient);
    return name.substring(0, name.length() - 4) + "-" + fileName(id);
  }

  /** The file of a recipient: a hash of the address, so no address appears in a file name. */
  static String fileName(String recipient) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(recipient.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h).substring(0, 24) + ".eml";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
