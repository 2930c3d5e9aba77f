package press.callback.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small SMTP server on loopback for fault tests: scripts decide the reply to each RCPT and
 * each message (accept, 4xx, 5xx, drop the connection mid-DATA, delay). It counts what it
 * accepted per recipient and notices a MAIL command inside an open transaction.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
  /** What to do at the end of a message's data. */
  public sealed interface DataReply {}

  /** Reply with this line, for example "250 OK" or "451 try later". */
  public record Reply(String line) implements DataReply {}

  /** Close the connection without a reply, after reading the data, without queuing the message. */
  public record Drop() implements DataReply {}

  /**
   * Queue the message (it counts as accepted: its recipients will get it), then lose the
   * connection before the reply: closed, or with {@code reset} aborted (TCP RST).
   */
  public record QueueThenDrop(boolean reset) implements DataReply {}

  /** Hold the reply until {@code release} opens; {@code arrived} opens when a message waits here. */
  public record Hold(java.util.concurrent.CountDownLatch arrived, java.util.concurrent.CountDownLatch release)
      implements DataReply {}

  private final ServerSocket socket;
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private volatile Function<String, String> rcptScript = r -> "250 OK";
  private volatile Function<List<String>, DataReply> dataScript = r -> new Reply("250 OK");
  private volatile long dataDelayMillis;
  private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
  private final List<String> protocolErrors = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger resets = new AtomicInteger();

  public ScriptedSmtpServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "scripted-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** The reply to {@code RCPT TO:<address>}, by address (lower case); an empty reply drops the connection. */
  public ScriptedSmtpServer onRcpt(Function<String, String> script) {
    this.rcptScript = script;
    return this;
  }

  /** The reply at the end of DATA, by the transaction's recipients (lower case). */
  public ScriptedSmtpServer onData(Function<List<String>, DataReply> script) {
    this.dataScript = script;
    return this;
  }

  /** Waits this long before the reply to each message's data. */
  public ScriptedSmtpServer delay(long millis) {
    this.dataDelayMillis = millis;
    return this;
  }

  /** How many messages were accepted (the data read and a 250 about to be sent), per recipient. */
  public Map<String, Integer> accepted() {
    Map<String, Integer> out = new java.util.TreeMap<>();
    accepted.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  public int totalAccepted() {
    return accepted.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** Commands that broke the protocol, such as MAIL inside a transaction. */
  public List<String> protocolErrors() {
    return List.copyOf(protocolErrors);
  }

  public int connections() {
    return connections.get();
  }

  public int resets() {
    return resets.get();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        connections.incrementAndGet();
        Thread t = new Thread(() -> session(s), "scripted-smtp-session");
        t.setDaemon(true);
        threads.add(t);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void session(Socket s) {
    try (s;
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = s.getOutputStream()) {
      send(out, "220 scripted ESMTP ready");
      String from = null;
      List<String> rcpts = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
        switch (cmd) {
          case "EHLO" -> send(out, "250-scripted\r\n250-8BITMIME\r\n250 SIZE 10485760");
          case "HELO" -> send(out, "250 scripted");
          case "MAIL" -> {
            if (from != null) {
              protocolErrors.add("MAIL inside a transaction");
              send(out, "503 5.5.1 Error: nested MAIL command");
            } else {
              from = line;
              send(out, "250 2.1.0 OK");
            }
          }
          case "RCPT" -> {
            String address = line.replaceAll("(?i)^RCPT TO:\\s*<?([^>]*)>?.*$", "$1").toLowerCase(Locale.ROOT);
            String reply = rcptScript.apply(address);
            if (reply.isEmpty()) {
              return; // an empty script reply: the connection ends here, before any data
            }
            if (reply.startsWith("2")) {
              rcpts.add(address);
            }
            send(out, reply);
          }
          case "DATA" -> {
            if (rcpts.isEmpty()) {
              send(out, "554 5.5.1 Error: no valid recipients");
              break;
            }
            send(out, "354 End data with <CR><LF>.<CR><LF>");
            String d;
            while ((d = in.readLine()) != null && !d.equals(".")) {
              // read the message
            }
            if (d == null) {
              return;
            }
            DataReply reply = dataScript.apply(List.copyOf(rcpts));
            if (reply instanceof Drop) {
              return; // the connection ends without an answer
            }
            if (reply instanceof QueueThenDrop q) {
              rcpts.forEach(a -> accepted.computeIfAbsent(a, k -> new AtomicInteger()).incrementAndGet());
              if (q.reset()) {
                s.setSoLinger(true, 0); // the close sends RST
              }
              return;
            }
            if (reply instanceof Hold h) {
              h.arrived().countDown();
              h.release().await();
              reply = new Reply("250 2.0.0 Ok: queued after a wait");
            }
            if (dataDelayMillis > 0) {
              Thread.sleep(dataDelayMillis);
            }
            String r = ((Reply) reply).line();
            if (r.startsWith("2")) {
              rcpts.forEach(a -> accepted.computeIfAbsent(a, k -> new AtomicInteger()).incrementAndGet());
            }
            send(out, r);
            from = null;
            rcpts.clear();
          }
          case "RSET" -> {
            resets.incrementAndGet();
            from = null;
            rcpts.clear();
            send(out, "250 2.0.0 OK");
          }
          case "NOOP" -> send(out, "250 OK");
          case "QUIT" -> {
            send(out, "221 Bye");
            return;
          }
          default -> send(out, "502 5.5.2 Command not recognized");
        }
      }
    } catch (IOException e) {
      // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
