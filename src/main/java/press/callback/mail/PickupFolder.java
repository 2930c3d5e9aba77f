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

  public PickupFolder(Path folder) {
    this.folder = folder;
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
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new DeliveryException(DeliveryException.Kind.PERMANENT, 0, "cannot create " + folder + ": " + e.getMessage(), e);
    }
    return new MailTransport() {
      @Override
      public void connect() {}

      @Override
      public void deliver(MimeMessage message, String recipient) throws DeliveryException {
        Path file = folder.resolve(fileName(recipient));
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
