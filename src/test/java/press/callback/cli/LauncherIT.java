package press.callback.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged launcher {@code target/press} as a user would: from another folder, through links. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherIT {
  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  private static Path target() {
    return Path.of(System.getProperty("press.jar", "target/press.jar")).toAbsolutePath().getParent();
  }

  private static Run run(Path workingDir, List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile());
    pb.environment().remove("PRESS_JAVA_OPTS");
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  private static Run press(Path workingDir, Path launcher, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    return run(workingDir, command);
  }

  /** What {@code java -jar target/press.jar --version} prints: the launcher must print the same. */
  private String versionOfTheJar() throws IOException, InterruptedException {
    Run run = run(tmp, List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", target().resolve("press.jar").toString(), "--version"));
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("press ");
    return run.out();
  }

  @Test
  void printsTheVersionQuietly() throws Exception {
    Run run = press(tmp, target().resolve("press"), "--version");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).as("no JVM or class-data sharing warnings").isEmpty();
    assertThat(run.out()).isEqualTo(versionOfTheJar());
  }

  @Test
  void runsFromAFolderWhosePathHasSpaces() throws Exception {
    Path folder = Files.createSymbolicLink(tmp.resolve("my tools (press)"), target());
    Run run = press(tmp, folder.resolve("press"), "--version");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo(versionOfTheJar());
  }

  @Test
  void runsThroughALinkToTheLauncher() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path link = Files.createSymbolicLink(bin.resolve("press"), target().resolve("press"));
    Path relative = Files.createSymbolicLink(bin.resolve("press-relative"), bin.relativize(target().resolve("press")));
    for (Path launcher : List.of(link, relative)) {
      Run run = press(tmp, launcher, "--version");
      assertThat(run.exit()).as(launcher + ": " + run.err()).isZero();
      assertThat(run.out()).isEqualTo(versionOfTheJar());
    }
  }

  @Test
  void passesAnArgumentWithSpacesAndQuotesIntact() throws Exception {
    String name = "a \"quoted\" draft's $HOME * \\n.md";
    Run run = press(tmp, target().resolve("press"), "coach", name);
    assertThat(run.exit()).isEqualTo(ExitCodes.CONTENT);
    assertThat(run.err()).isEqualTo(name + ": error: file not found\n  hint: pass the path of a text or Markdown file\n");
  }
}
