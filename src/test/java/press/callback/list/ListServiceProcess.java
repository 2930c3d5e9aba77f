package press.callback.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar target/press.jar list serve} as a process of its own: the JVM itself (no shell
 * in between, so a kill reaches the service), on a port it picks, emails into the project's pickup
 * folder. Its address is read from the line it prints once it listens; its output is kept for
 * the failure message.
 */
final class ListServiceProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("the list service is on (http://[0-9.]+:[0-9]+)");

  private final Process process;
  private final StringBuffer output;
  private final URI base;

  private ListServiceProcess(Process process, StringBuffer output, URI base) {
    this.process = process;
    this.output = output;
    this.base = base;
  }

  /** Starts the service on {@code project} and waits until it listens (up to 60 s). */
  static ListServiceProcess start(Path project) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path jar = Path.of(System.getProperty("press.jar", "target/press.jar")).toAbsolutePath();
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "list", "serve",
        "--port", "0", "--source", project.toAbsolutePath().toString()).redirectErrorStream(true);
    pb.environment().put("PRESS_UNSUBSCRIBE_SECRET", ListServiceFixture.SECRET);
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<URI> listening = new CompletableFuture<>();
    StringBuffer output = new StringBuffer();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          output.append(line).append('\n');
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            listening.complete(URI.create(m.group(1) + "/"));
          }
        }
      } catch (IOException e) {
        // the process is gone: what it printed is in output
      }
      listening.completeExceptionally(new AssertionError("the list service stopped before it listened:\n" + output));
    }, "list-serve-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new ListServiceProcess(p, output, listening.get(60, TimeUnit.SECONDS));
    } catch (java.util.concurrent.ExecutionException e) {
      p.destroyForcibly();
      throw (AssertionError) e.getCause();
    } catch (TimeoutException e) {
      p.destroyForcibly();
      throw new AssertionError("the list service did not listen within 60 s:\n" + output);
    }
  }

  URI base() {
    return base;
  }

  /** What the service printed so far. */
  String output() {
    return output.toString();
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook, no flush, no close; waits until the process is gone. */
  void kill() throws InterruptedException {
    // the process started is the JVM serving, not a shell that would die and leave it running
    List<String> command = List.of(process.info().command().orElse(""));
    assertThat(command.get(0)).as("the killed process is the service's JVM").endsWith("/java");
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the service is gone after SIGKILL").isTrue();
    assertThat(ProcessHandle.of(pid()).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
  }

  /** SIGTERM (the shutdown hook closes the store), then waits. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }
}
