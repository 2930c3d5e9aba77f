package press.callback.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.testing.TestSite;

/**
 * {@code press serve} as a separate process, pushed to its operating-system limits (Linux:
 * {@code /proc} and {@code prlimit}).
 */
class ServeProcessIT {
  @TempDir Path tmp;

  /**
   * Issue 14, item 18: when the process runs out of file descriptors (a flood of connections that
   * send nothing), a connection cannot be accepted for a while; once the flood has timed out, the
   * preview answers again. The accepting thread used to end at the first failure to accept,
   * leaving a server that never answered again.
   */
  @Test
  void acceptingSurvivesRunningOutOfFiles() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")) && Files.isExecutable(Path.of("/usr/bin/prlimit")),
        "needs Linux's /proc and prlimit");
    Path project = TestSite.create(tmp, "basic");
    String jar = Path.of(System.getProperty("press.jar", "target/press.jar")).toAbsolutePath().toString();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-jar", jar, "serve", "--port", "0", "--today", "2026-11-27")
        .directory(project.toFile()).redirectErrorStream(true).start();
    List<Socket> flood = new ArrayList<>();
    try {
      StringBuffer log = new StringBuffer();
      BlockingQueue<String> serving = new LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
          .lines().forEach(line -> {
            log.append(line).append('\n');
            if (line.startsWith("press: serving ")) {
              serving.add(line);
            }
          }));
      reader.setDaemon(true);
      reader.start();
      String line = serving.poll(120, TimeUnit.SECONDS);
      assertThat(line).as(log.toString()).isNotNull();
      int port = URI.create(line.split(" ")[2]).getPort();
      assertThat(get(port, 10_000)).startsWith("HTTP/1.1 200 OK\r\n");

      Path fds = Path.of("/proc", String.valueOf(p.pid()), "fd");
      int limit = count(fds) + 6;
      prlimit(p.pid(), limit + ":");
      // Connections that send nothing: each holds a descriptor until the head's time is up (10 s).
      // The most descriptors seen open: the server's own threads open and close a few of theirs
      // meanwhile, so the count at one instant may be one below the limit it has just met.
      int most = count(fds);
      while (most < limit && flood.size() < 80) {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        flood.add(s);
        for (long until = System.nanoTime() + 200_000_000L; most < limit && System.nanoTime() < until; ) {
          most = Math.max(most, count(fds)); // until the server has accepted it (or cannot)
        }
      }
      assertThat(most).as("the server ran out of descriptors").isGreaterThanOrEqualTo(limit);
      for (int i = 0; i < 2; i++) { // at the limit: the server cannot accept these (EMFILE) for now
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        flood.add(s);
      }

      // The flood's connections time out (10 s) and close; then the server must accept again.
      String again = "";
      for (long deadline = System.nanoTime() + 40_000_000_000L; !again.startsWith("HTTP/1.1 200") && System.nanoTime() < deadline; ) {
        again = get(port, 2_000);
      }
      assertThat(again).as(log.toString()).startsWith("HTTP/1.1 200 OK\r\n");
    } finally {
      for (Socket s : flood) {
        s.close();
      }
      p.toHandle().destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  private static int count(Path fds) throws IOException {
    try (Stream<Path> all = Files.list(fds)) {
      return (int) all.count();
    }
  }

  private static void prlimit(long pid, String nofile) throws IOException, InterruptedException {
    Process limit = new ProcessBuilder("/usr/bin/prlimit", "--pid", String.valueOf(pid), "--nofile=" + nofile)
        .redirectErrorStream(true).start();
    String out = new String(limit.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(limit.waitFor()).as(out).isZero();
  }

  /** {@code GET /} on a new connection; what came back, or {@code ""} if nothing did in time. */
  private static String get(int port, int timeoutMillis) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
      s.setSoTimeout(timeoutMillis);
      s.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.ISO_8859_1));
      byte[] head = s.getInputStream().readNBytes(17);
      return new String(head, StandardCharsets.ISO_8859_1);
    } catch (SocketTimeoutException e) {
      return "";
    } catch (IOException e) {
      return "";
    }
  }
}
