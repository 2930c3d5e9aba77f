package press.callback.list.inbox;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * A folder on an IMAP server ({@code imaps://user@host/INBOX}): the handled messages are flagged
 * {@code \Seen} and moved to a folder of their own ({@code press-handled}, made when missing) with
 * MOVE (RFC 6851), or where the server has no MOVE, copied there and expunged by their UIDs
 * (UIDPLUS) — never a plain EXPUNGE, which would also remove what the author deleted. Reading
 * never marks a message seen (PEEK): what is not handled looks as it did.
 */
public final class ImapMailbox implements Mailbox {
  /** Where the handled messages go unless told otherwise. */
  public static final String HANDLED = "press-handled";

  private final Store store;
  private final Folder folder;
  private final String handledName;
  private final List<Message> handled = new ArrayList<>();

  private ImapMailbox(Store store, Folder folder, String handledName) {
    this.store = store;
    this.folder = folder;
    this.handledName = handledName;
  }

  /** Where to connect, parsed from the URL. */
  record Address(boolean ssl, String host, int port, String user, String folder) {}

  /**
   * Parses {@code imaps://user@host[:port]/FOLDER} or {@code imap://…} (plain: only to this machine
   * unless {@code insecure}).
   *
   * @throws IllegalArgumentException with a message for the author when the URL is unusable
   */
  static Address parse(String url, boolean insecure) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + url + "' is not an IMAP address; write imaps://user@host/INBOX");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("imap") && !scheme.equals("imaps")) {
      throw new IllegalArgumentException("'" + url + "' must start with imaps:// (TLS) or imap:// (plain, this machine only)");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("'" + url + "' names no host; write imaps://user@host/INBOX");
    }
    String user = uri.getRawUserInfo() == null ? null : URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
    if (user != null && user.contains(":")) {
      throw new IllegalArgumentException("put the password in PRESS_IMAP_PASSWORD, not in the URL");
    }
    boolean ssl = scheme.equals("imaps");
    if (!ssl && !insecure && !loopback(uri.getHost())) {
      throw new IllegalArgumentException("imap:// is not encrypted and " + uri.getHost() + " is not this machine: use"
          + " imaps://" + uri.getHost() + "/…, or add --insecure to send the password in the clear anyway");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/+", "");
    return new Address(ssl, uri.getHost(), uri.getPort() > 0 ? uri.getPort() : ssl ? 993 : 143, user,
        path.isEmpty() ? "INBOX" : path);
  }

  /**
   * Connects and opens the folder.
   *
   * @param password from {@code PRESS_IMAP_PASSWORD}
   * @throws IllegalArgumentException when the URL is unusable or a password is missing
   * @throws IOException when the server cannot be reached, refuses the login, or has no such folder
   */
  public static ImapMailbox open(String url, String password, boolean insecure, String handledFolder) throws IOException {
    Address a = parse(url, insecure);
    if (a.user() == null) {
      throw new IllegalArgumentException("'" + url + "' names no user; write imaps://user@host/INBOX");
    }
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("set PRESS_IMAP_PASSWORD to the password of " + a.user());
    }
    String protocol = a.ssl() ? "imaps" : "imap";
    Properties p = new Properties();
    String prefix = "mail." + protocol + ".";
    p.put(prefix + "connectiontimeout", "15000");
    p.put(prefix + "timeout", "60000");
    p.put(prefix + "peek", "true");
    if (a.ssl()) {
      p.put(prefix + "ssl.checkserveridentity", "true");
    }
    Store store = null;
    try {
      store = Session.getInstance(p).getStore(protocol);
      store.connect(a.host(), a.port(), a.user(), password);
      Folder folder = store.getFolder(a.folder());
      if (!folder.exists()) {
        throw new IOException("the server has no folder '" + a.folder() + "'");
      }
      folder.open(Folder.READ_WRITE);
      return new ImapMailbox(store, folder, handledFolder);
    } catch (MessagingException e) {
      close(store);
      throw new IOException(a.host() + ":" + a.port() + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      close(store);
      throw e;
    }
  }

  @Override
  public void read(Handler handler) throws IOException {
    try {
      Message[] all = folder.getMessages();
      jakarta.mail.FetchProfile fp = new jakarta.mail.FetchProfile();
      fp.add(jakarta.mail.FetchProfile.Item.FLAGS);
      folder.fetch(all, fp);
      for (Message m : all) {
        if (m.isExpunged() || m.isSet(Flags.Flag.DELETED)) {
          continue;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        m.writeTo(out);
        if (handler.handle(out.toByteArray())) {
          handled.add(m);
        }
      }
      file();
    } catch (MessagingException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** Flags the handled messages seen and moves them (or copies and expunges them by UID). */
  private void file() throws MessagingException {
    if (handled.isEmpty()) {
      return;
    }
    Message[] msgs = handled.toArray(new Message[0]);
    folder.setFlags(msgs, new Flags(Flags.Flag.SEEN), true);
    Folder target = store.getFolder(handledName);
    if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
      throw new MessagingException("cannot make the folder '" + handledName + "'");
    }
    IMAPStore imap = (IMAPStore) store;
    IMAPFolder source = (IMAPFolder) folder;
    if (imap.hasCapability("MOVE")) {
      source.moveMessages(msgs, target);
    } else {
      source.copyMessages(msgs, target);
      source.setFlags(msgs, new Flags(Flags.Flag.DELETED), true);
      if (imap.hasCapability("UIDPLUS")) {
        source.expunge(msgs);
      } // else: left flagged deleted, and skipped when read again (a plain EXPUNGE is never sent)
    }
    handled.clear();
  }

  @Override
  public String filing() {
    return "moved to " + handledName;
  }

  @Override
  public void close() throws IOException {
    try {
      if (folder.isOpen()) {
        folder.close(false);
      }
    } catch (MessagingException e) {
      // closing anyway
    }
    close(store);
  }

  private static void close(Store store) {
    if (store != null) {
      try {
        store.close();
      } catch (MessagingException e) {
        // nothing more to do
      }
    }
  }

  private static boolean loopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
