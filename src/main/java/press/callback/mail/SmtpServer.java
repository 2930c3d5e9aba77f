package press.callback.mail;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * An SMTP server to deliver through (Jakarta Mail / Eclipse Angus): {@code smtp://user@host:587}
 * with STARTTLS, or {@code smtps://user@host:465}. Each worker keeps one connection and reuses it;
 * after a refused message the transaction is reset (RSET) so the next one starts clean.
 *
 * <p>Any host that is not loopback must use TLS unless {@code insecure} is set.
 *
 * <p>Over 300 lines (a little) because how a failure is classified (temporary, permanent, a dead
 * mailbox, uncertain) depends on where in this transport's conversation it happened.
 */
public final class SmtpServer implements Destination {
  private final String host;
  private final int port;
  private final boolean ssl;
  private final String user;
  private final String password;
  private final boolean requireTls;

  private SmtpServer(String host, int port, boolean ssl, String user, String password, boolean requireTls) {
    this.host = host;
    this.port = port;
    this.ssl = ssl;
    this.user = user;
    this.password = password;
    this.requireTls = requireTls;
  }

  /**
   * Parses {@code smtp://[user@]host[:port]} or {@code smtps://…}.
   *
   * @param password from {@code PRESS_SMTP_PASSWORD}, or {@code null}
   * @param insecure allow a plain connection to a host that is not loopback
   * @throws IllegalArgumentException with a message for the author if the URL is unusable
   */
  public static SmtpServer parse(String url, String password, boolean insecure) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + url + "' is not an SMTP address; write smtp://user@host:587");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("smtp") && !scheme.equals("smtps")) {
      throw new IllegalArgumentException("'" + url + "' must start with smtp:// (STARTTLS) or smtps:// (TLS)");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("'" + url + "' names no host; write smtp://user@host:587");
    }
    boolean ssl = scheme.equals("smtps");
    int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 465 : 587;
    String user = uri.getRawUserInfo() == null ? null : URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
    if (user != null && user.contains(":")) {
      throw new IllegalArgumentException("put the password in PRESS_SMTP_PASSWORD, not in the URL");
    }
    if (user != null && (password == null || password.isEmpty())) {
      throw new IllegalArgumentException("set PRESS_SMTP_PASSWORD to the password of " + user);
    }
    boolean loopback = isLoopback(uri.getHost());
    if (!ssl && !loopback && insecure) {
      return new SmtpServer(uri.getHost(), port, false, user, password, false);
    }
    return new SmtpServer(uri.getHost(), port, ssl, user, password, !ssl && !loopback);
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public String id() {
    return (ssl ? "smtps-" : "smtp-") + host.replaceAll("[^A-Za-z0-9.-]", "_") + "-" + port;
  }

  @Override
  public String description() {
    return (ssl ? "smtps://" : "smtp://") + host + ":" + port + (requireTls ? " (STARTTLS)" : "");
  }

  @Override
  public boolean isReal() {
    return true;
  }

  @Override
  public MailTransport open() throws DeliveryException {
    String protocol = ssl ? "smtps" : "smtp";
    Properties p = new Properties();
    String prefix = "mail." + protocol + ".";
    p.put(prefix + "host", host);
    p.put(prefix + "port", String.valueOf(port));
    p.put(prefix + "connectiontimeout", "15000");
    p.put(prefix + "timeout", "60000");
    p.put(prefix + "writetimeout", "60000");
    p.put(prefix + "auth", String.valueOf(user != null));
    if (requireTls) {
      p.put(prefix + "starttls.enable", "true");
      p.put(prefix + "starttls.required", "true");
    }
    if (ssl || requireTls) {
      p.put(prefix + "ssl.checkserveridentity", "true");
    }
    if (!ssl) {
      // Jakarta Mail writes a message's end (CRLF.CRLF) apart from its body: with Nagle's
      // algorithm on, each message would wait for a delayed ACK (~40 ms).
      p.put(prefix + "socketFactory", new NoDelaySocketFactory());
      p.put(prefix + "socketFactory.fallback", "false");
    }
    Session session = Session.getInstance(p);
    return new Connection(session, protocol);
  }

  /** Plain sockets with TCP_NODELAY set. */
  static final class NoDelaySocketFactory extends javax.net.SocketFactory {
    private final javax.net.SocketFactory plain = javax.net.SocketFactory.getDefault();

    private static java.net.Socket noDelay(java.net.Socket s) throws IOException {
      s.setTcpNoDelay(true);
      return s;
    }

    @Override
    public java.net.Socket createSocket() throws IOException {
      return noDelay(plain.createSocket());
    }

    @Override
    public java.net.Socket createSocket(String host, int port) throws IOException {
      return noDelay(plain.createSocket(host, port));
    }

    @Override
    public java.net.Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
      return noDelay(plain.createSocket(host, port, local, localPort));
    }

    @Override
    public java.net.Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(plain.createSocket(host, port));
    }

    @Override
    public java.net.Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) throws IOException {
      return noDelay(plain.createSocket(address, port, local, localPort));
    }
  }

  /** One worker's connection, opened on first use and reopened after a break. */
  private final class Connection implements MailTransport {
    private final Session session;
    private final String protocol;
    private EndAwareTransport transport;

    Connection(Session session, String protocol) {
      this.session = session;
      this.protocol = protocol;
    }

    @Override
    public void connect() throws DeliveryException {
      if (transport != null && transport.isConnected()) {
        return;
      }
      close();
      try {
        transport = new EndAwareTransport(session, protocol, ssl);
        transport.connect(host, port, user, password);
      } catch (AuthenticationFailedException e) {
        close();
        throw new DeliveryException(DeliveryException.Kind.SETUP, 0,
            "the server refused the login" + (user == null ? "" : " of " + user)
                + ": check the user in --smtp and PRESS_SMTP_PASSWORD", e);
      } catch (MessagingException e) {
        close();
        String m = String.valueOf(e.getMessage());
        if (m.contains("STARTTLS") || rootCause(e) instanceof javax.net.ssl.SSLException) {
          throw new DeliveryException(DeliveryException.Kind.SETUP, 0,
              "no secure connection to " + host + ": " + m + " (use smtps://, or --insecure to send in the clear)", e);
        }
        throw new DeliveryException(DeliveryException.Kind.CONNECTION, 0,
            "cannot connect to " + host + ":" + port + ": " + rootCause(e).getMessage(), e);
      }
    }

    @Override
    public void deliver(MimeMessage message, String recipient) throws DeliveryException {
      connect();
      try {
        transport.sendMessage(message, new Address[] {new InternetAddress(recipient)});
      } catch (MessagingException e) {
        DeliveryException failure = classify(e);
        if (failure.kind() == DeliveryException.Kind.CONNECTION && transport.endSent()) {
          // The message's end went out and no answer came back: the server may have queued it.
          failure = new DeliveryException(DeliveryException.Kind.UNCERTAIN, 0,
              "no answer after the end of the message (" + failure.reply() + ")", e);
        }
        if (failure.kind() == DeliveryException.Kind.CONNECTION || failure.kind() == DeliveryException.Kind.UNCERTAIN) {
          close();
        } else {
          reset();
        }
        throw failure;
      }
    }

    /** Ends a refused transaction so the next MAIL FROM starts clean (listmonk #1073). */
    private void reset() {
      try {
        if (transport != null && transport.isConnected()) {
          transport.issueCommand("RSET", 250);
        }
      } catch (MessagingException e) {
        close();
      }
    }

    @Override
    public void close() {
      if (transport != null) {
        try {
          transport.close();
        } catch (MessagingException e) {
          // already broken
        }
        transport = null;
      }
    }
  }

  /**
   * Angus Mail's SMTP transport, telling whether the end of the message (the {@code .} line after
   * DATA) has started to go out: after that, a lost connection leaves the message's fate unknown.
   */
  static final class EndAwareTransport extends SMTPTransport {
    private volatile boolean endSent;

    EndAwareTransport(Session session, String protocol, boolean ssl) {
      super(session, null, protocol, ssl);
    }

    @Override
    public synchronized void sendMessage(jakarta.mail.Message message, Address[] addresses) throws MessagingException {
      endSent = false;
      super.sendMessage(message, addresses);
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
      endSent = true;
      super.finishData();
    }

    /** Whether the last message's end was (perhaps) written to the server. */
    boolean endSent() {
      return endSent;
    }
  }

  private static Throwable rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  /** 4xx → temporary, 5xx → permanent, no reply (I/O) → connection. */
  static DeliveryException classify(MessagingException e) {
    for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
      int code = 0;
      if (x instanceof SMTPAddressFailedException a) {
        code = a.getReturnCode();
      } else if (x instanceof SMTPSendFailedException s) {
        code = s.getReturnCode();
      } else if (x instanceof SMTPSenderFailedException s) {
        code = s.getReturnCode();
      }
      if (code >= 400 && code < 500) {
        return new DeliveryException(DeliveryException.Kind.TEMPORARY, code, x.getMessage(), e);
      }
      if (code >= 500) {
        // only an SMTPAddressFailedException is the answer to RCPT: MAIL FROM's is a
        // SMTPSenderFailedException, DATA's (and the rest) a SMTPSendFailedException
        return new DeliveryException(DeliveryException.Kind.PERMANENT, code, x.getMessage(), e,
            x instanceof SMTPAddressFailedException);
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String what = root instanceof IOException ? "connection lost: " + root.getMessage() : e.getMessage();
    return new DeliveryException(DeliveryException.Kind.CONNECTION, 0, what, e);
  }
}
