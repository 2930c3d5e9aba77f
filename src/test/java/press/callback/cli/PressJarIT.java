package press.callback.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.testing.TestSite;

/** Runs the packaged {@code target/press.jar} as a user would: a separate JVM, real exit codes. */
class PressJarIT {
  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  private static Run press(Path workingDir, String... args) throws IOException, InterruptedException {
    String jar = System.getProperty("press.jar", "target/press.jar");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", Path.of(jar).toAbsolutePath().toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(workingDir.toFile()).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void bakesAProjectInItsFolderWithDefaults() throws Exception {
    Path project = TestSite.create(tmp, "basic");
    Run run = press(project, "bake", "--today", "2026-11-27");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).as("nothing but diagnostics on stderr: no JBake or OrientDB log").isEmpty();
    assertThat(run.out()).contains("press: baked 37 files", "press: wrote 2 newsletter emails");
    assertThat(project.resolve("target/newsletter/2026-11-02/email.eml")).exists();
    assertThat(project.resolve("target/site/index.html")).exists();
  }

  @Test
  void contentErrorsExitWithOneAndPrintOnlyDiagnostics() throws Exception {
    Path project = TestSite.create(tmp, "basic");
    TestSite.write(project.resolve("content/articles/2026/bad.md"), "---\ntitle: [unclosed\ndate: 2026-01-01\n---\n");
    Run run = press(tmp, "bake", "--source", project.toString(), "--output", tmp.resolve("site").toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("content/articles/2026/bad.md:3:5: error: front matter is not valid YAML: while parsing a flow sequence started on line 2:")
        .doesNotContain("Exception", "\tat ", "INFO", "WARN", "OLogManager");
  }

  @Test
  void verboseShowsTheLog() throws Exception {
    Path project = TestSite.create(tmp, "basic");
    Run run = press(tmp, "bake", "--verbose", "--source", project.toString(), "--output", tmp.resolve("site").toString());
    assertThat(run.exit()).isZero();
    assertThat(run.err()).contains("org.jbake");
  }

  @Test
  void usageErrorsExitWithTwo() throws Exception {
    assertThat(press(tmp, "bake", "--today", "tomorrow").exit()).isEqualTo(2);
    Run version = press(tmp, "--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("press ");
  }

  @Test
  void servesTheProjectUntilStoppedAndExplainsABusyPort() throws Exception {
    Path project = TestSite.create(tmp, "basic");
    String jar = Path.of(System.getProperty("press.jar", "target/press.jar")).toAbsolutePath().toString();
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(javaBin, "-jar", jar, "serve", "--port", "0", "--today", "2026-11-27")
        .directory(project.toFile()).redirectErrorStream(true).start();
    try {
      StringBuffer log = new StringBuffer();
      java.util.concurrent.BlockingQueue<String> serving = new java.util.concurrent.LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> new java.io.BufferedReader(
          new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).lines().forEach(line -> {
            log.append(line).append('\n');
            if (line.startsWith("press: serving ")) {
              serving.add(line);
            }
          }));
      reader.start();
      String line = serving.poll(60, TimeUnit.SECONDS);
      assertThat(line).as(log.toString()).isNotNull();
      assertThat(line).matches("press: serving http://127\\.0\\.0\\.1:\\d+/ .*_press/newsletter/\\)");
      java.net.URI base = java.net.URI.create(line.split(" ")[2]);
      var http = java.net.http.HttpClient.newHttpClient();
      var home = http.send(java.net.http.HttpRequest.newBuilder(base).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(home.statusCode()).isEqualTo(200);
      assertThat(home.body()).contains("/_press/live.js");
      assertThat(project.resolve("target/serve/site/index.html")).exists();
      assertThat(project.resolve("target/site")).as("the publishable site is not touched").doesNotExist();

      Run busy = press(project, "serve", "--port", String.valueOf(base.getPort()));
      assertThat(busy.exit()).isEqualTo(1);
      assertThat(busy.err()).contains("press: error: cannot listen on 127.0.0.1:" + base.getPort(),
          "hint: stop the other server, or pass --port").doesNotContain("Exception");
      p.toHandle().destroy(); // SIGTERM, as Ctrl+C; Process.destroy would also close our end of stdout
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      reader.join(10_000);
      assertThat(log.toString()).contains("press: stopped");
    } finally {
      p.destroyForcibly();
    }
  }
}
