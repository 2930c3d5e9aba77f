package press.callback.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rooms of DESIGN.md, read from the sources: which package uses which (imports and qualified
 * names in code, comments left out), and what may not use what.
 */
class PackageShapeTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern USE = Pattern.compile("\\b((?:press\\.callback|org\\.jbake)(?:\\.[a-z0-9]+)*)\\.[A-Z]");
  private static final Pattern MUTABLE_STATIC =
      Pattern.compile("^\\s*(?:(?:private|public|protected)\\s+)?static\\s+(?!final\\b)(?:volatile\\s+)?[\\w<>,.?\\[\\] ]+\\s+\\w+\\s*[=;]",
          Pattern.MULTILINE);

  /** package → the packages its code uses; and each class's code without comments. */
  private static final Map<String, Set<String>> USES = new TreeMap<>();
  private static final Map<Path, String> CODE = new TreeMap<>();

  @BeforeAll
  static void read() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String pkg = SOURCES.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), ".");
        String code = Files.readString(file, StandardCharsets.UTF_8)
            .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
        CODE.put(file, code);
        Set<String> uses = USES.computeIfAbsent(pkg, k -> new TreeSet<>());
        Matcher m = USE.matcher(code);
        while (m.find()) {
          if (!m.group(1).equals(pkg)) {
            uses.add(m.group(1));
          }
        }
      }
    }
    assertThat(USES).as("packages read from " + SOURCES.toAbsolutePath()).containsKeys(
        "press.callback.site", "press.callback.site.jbake", "press.callback.newsletter");
  }

  @Test
  void noPackageDependsOnItselfThroughOthers() {
    List<List<String>> cycles = new ArrayList<>();
    for (String start : USES.keySet()) {
      List<String> path = cycleFrom(start);
      if (path != null) {
        cycles.add(path);
      }
    }
    assertThat(cycles).as("package cycles").isEmpty();
  }

  @Test
  void onlySiteJbakeImportsJbake() {
    Set<String> users = new TreeSet<>();
    USES.forEach((pkg, uses) -> {
      if (uses.stream().anyMatch(u -> u.startsWith("org.jbake"))) {
        users.add(pkg);
      }
    });
    assertThat(users).containsExactly("press.callback.site.jbake");
  }

  @Test
  void theNewsletterIsPure() {
    assertThat(USES.get("press.callback.newsletter"))
        .allMatch(u -> u.startsWith("press.callback.content") || u.equals("press.callback.diag"),
            "content or diag only (no mail, site, JBake)");
  }

  @Test
  void noStaticFieldChangesOutsideTheRuntime() {
    List<String> found = new ArrayList<>();
    CODE.forEach((file, code) -> {
      Matcher m = MUTABLE_STATIC.matcher(code);
      while (m.find()) {
        String line = m.group().strip();
        if (!line.contains("(")) { // a method's signature is not a field
          found.add(file + ": " + line);
        }
      }
    });
    assertThat(found).as("static fields that are not final").isEmpty();
  }

  /** About 300 lines at most; a longer class says why ("Over 300 lines …") in its doc comment. */
  @Test
  void aLongClassSaysWhy() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path file : CODE.keySet()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      long lines = text.lines().count();
      if (lines > 320 && !text.contains("Over 300 lines")) {
        found.add(file + ": " + lines + " lines");
      }
    }
    assertThat(found).as("classes over ~300 lines without a reason").isEmpty();
  }

  /** A path back to {@code start}, or {@code null}. */
  private static List<String> cycleFrom(String start) {
    Map<String, String> parent = new HashMap<>();
    Deque<String> todo = new ArrayDeque<>(List.of(start));
    while (!todo.isEmpty()) {
      String at = todo.pop();
      for (String next : USES.getOrDefault(at, Set.of())) {
        if (next.equals(start)) {
          List<String> path = new ArrayList<>(List.of(start));
          for (String p = at; p != null && !p.equals(start); p = parent.get(p)) {
            path.add(1, p);
          }
          path.add(start);
          return path;
        }
        if (USES.containsKey(next) && !parent.containsKey(next) && !next.equals(start)) {
          parent.put(next, at);
          todo.push(next);
        }
      }
    }
    return null;
  }
}
