package press.callback.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers' sources (src/main/launcher): press (POSIX sh) and press.cmd (Windows) pass the
 * same JVM flags in the same order, and the sh launcher builds the command line it should (run
 * against a stand-in {@code java} that prints its arguments, so no JVM and no build are needed).
 */
class LauncherTest {
  private static final Path SH = Path.of("src/main/launcher/press");
  private static final Path CMD = Path.of("src/main/launcher/press.cmd");
  /** A JVM option, up to a variable ($here, %here%) or a quote: the archive's path differs. */
  private static final Pattern FLAG = Pattern.compile("(?<![\\w-])-X[\\w:+=.-]*");

  @TempDir Path tmp;

  @Test
  void bothLaunchersPassTheSameJvmFlagsInTheSameOrder() throws IOException {
    List<String> sh = flags(Files.readString(SH), "#");
    List<String> cmd = flags(Files.readString(CMD), "rem ");
    assertThat(sh).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx1800m", "-XX:MaxNewSize=256m",
        "-XX:SharedArchiveFile=", "-Xshare:auto", "-Xlog:cds=off");
    assertThat(cmd).as(CMD + " against " + SH).isEqualTo(sh);
  }

  @Test
  void cmdLauncherHasWindowsLineEndingsAndShLauncherHasNone() throws IOException {
    String cmd = Files.readString(CMD);
    assertThat(cmd.replace("\r\n", "")).as(CMD + ": every line ends in CRLF").doesNotContain("\n", "\r");
    assertThat(Files.readString(SH)).as(SH.toString()).doesNotContain("\r");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void shLauncherUsesTheArchiveOnlyWhenNewerThanTheJar() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("a folder (with space)"));
    Path jar = Files.writeString(dir.resolve("press.jar"), "");
    Path jsa = Files.writeString(dir.resolve("press.jsa"), "");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    Files.setLastModifiedTime(jsa, FileTime.from(Instant.parse("2026-01-01T00:00:10Z")));
    String real = dir.toAbsolutePath().toString();
    assertThat(run(dir, "")).contains("-XX:SharedArchiveFile=" + real + "/press.jsa")
        .endsWith("-jar", real + "/press.jar", "bake");

    Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:00:20Z")));
    assertThat(run(dir, "")).as("press.jar rebuilt since the archive").noneMatch(a -> a.contains("press.jsa"));
    Files.delete(jsa);
    assertThat(run(dir, "")).noneMatch(a -> a.contains("press.jsa"));
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void shLauncherPassesArgumentsIntactAndJavaOptionsBeforeTheJar() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("launcher"));
    Files.writeString(dir.resolve("press.jar"), "");
    List<String> args = run(dir, "-Xmx6g -Dx=1", "new", "tip", "Reply \"before\" lunch, it's $HOME *", "");
    assertThat(args.subList(0, 4)).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx1800m", "-XX:MaxNewSize=256m");
    assertThat(args.subList(args.indexOf("-Xmx6g"), args.size())).containsExactly(
        "-Xmx6g", "-Dx=1", "-jar", dir.toAbsolutePath() + "/press.jar", "new", "tip", "Reply \"before\" lunch, it's $HOME *", "");
  }

  /** Runs src/main/launcher/press, copied into {@code dir}, with a java that prints its arguments. */
  private List<String> run(Path dir, String javaOpts, String... args) throws IOException, InterruptedException {
    Path jdk = Files.createDirectories(tmp.resolve("jdk/bin"));
    Path java = jdk.resolve("java");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"[$a]\"; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path press = dir.resolve("press");
    Files.copy(SH, press, StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(press, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> command = new ArrayList<>(List.of(press.toString()));
    command.addAll(args.length == 0 ? List.of("bake") : List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(Map.of("JAVA_HOME", jdk.getParent().toString(), "PRESS_JAVA_OPTS", javaOpts));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    List<String> printed = new ArrayList<>();
    Matcher m = Pattern.compile("\\[(.*?)\\]\\n", Pattern.DOTALL).matcher(out);
    while (m.find()) {
      printed.add(m.group(1));
    }
    assertThat(String.join("", printed.stream().map(a -> "[" + a + "]\n").toList())).isEqualTo(out);
    return printed;
  }

  /** The JVM options on a launcher's lines that are not comments, in order. */
  private static List<String> flags(String source, String comment) {
    List<String> flags = new ArrayList<>();
    for (String line : source.split("\r?\n")) {
      String code = line.strip();
      if (code.regionMatches(true, 0, comment, 0, comment.length())) {
        continue;
      }
      int trailing = comment.equals("#") ? code.indexOf(" # ") : -1;  // a comment after the code
      Matcher m = FLAG.matcher(trailing < 0 ? code : code.substring(0, trailing));
      while (m.find()) {
        flags.add(m.group());
      }
    }
    return flags;
  }
}
