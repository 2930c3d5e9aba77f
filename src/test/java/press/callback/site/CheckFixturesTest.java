package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import press.callback.diag.Diagnostic;
import press.callback.testing.Golden;
import press.callback.testing.TestSite;

/**
 * One failing fixture per rule of {@code press check}: {@code check/<case>/} changes the {@code
 * basic} site (real templates, real JBake), and the bake must fail with exactly the diagnostics in
 * {@code check/<case>/expected.err}, leaving no site behind.
 *
 * <p>A case's files are copied over the project at the same paths (new content, images), and
 * {@code edits.txt} changes existing files: blocks of a path line, a {@code -} line (text that must
 * be there) and a {@code +} line (its replacement), apart by blank lines.
 */
class CheckFixturesTest {
  private static final Path CASES = Golden.resources("check");
  private static final String EXPECTED = "expected.err";
  private static final String EDITS = "edits.txt";

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> eachFixtureFailsWithItsDiagnostics() throws IOException {
    List<Path> cases;
    try (Stream<Path> dirs = Files.list(CASES)) {
      cases = dirs.sorted().toList();
    }
    assertThat(cases).as("cases in " + CASES).isNotEmpty().allMatch(Files::isDirectory);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
  }

  private void check(Path fixture) throws IOException {
    List<Path> inputs;
    try (Stream<Path> files = Files.walk(fixture)) {
      inputs = files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(EXPECTED)).sorted().toList();
    }
    assertThat(inputs).as("changes in " + fixture + " (orphan " + EXPECTED + "?)").isNotEmpty();
    Path project = TestSite.create(tmp.resolve(fixture.getFileName().toString()), "basic");
    for (Path input : inputs) {
      String relative = fixture.relativize(input).toString();
      if (relative.equals(EDITS)) {
        edit(project, Files.readString(input, StandardCharsets.UTF_8));
      } else {
        Path target = project.resolve(relative);
        Files.createDirectories(target.getParent());
        Files.copy(input, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path site = project.resolve("target/site");

    SiteBaker.Result result = TestSite.bake(project, site);

    assertThat(result.ok()).as(fixture + " must fail").isFalse();
    assertThat(site).doesNotExist();
    String actual = result.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")) + "\n";
    Golden.check(fixture.resolve(EXPECTED), actual);
  }

  private static void edit(Path project, String edits) throws IOException {
    for (String block : edits.strip().split("\n\\s*\n")) {
      String[] lines = block.split("\n");
      assertThat(lines).as("edit block: path, -old, +new").hasSize(3);
      assertThat(lines[1]).startsWith("-");
      assertThat(lines[2]).startsWith("+");
      Path file = project.resolve(lines[0].strip());
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String old = lines[1].substring(1);
      assertThat(text).as(lines[0]).contains(old);
      Files.writeString(file, text.replace(old, lines[2].substring(1)), StandardCharsets.UTF_8);
    }
  }
}
