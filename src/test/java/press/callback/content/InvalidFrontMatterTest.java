package press.callback.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;
import press.callback.testing.Golden;

/**
 * One failing fixture per front matter error: {@code invalid/<case>.md} must be rejected with
 * exactly the diagnostics in {@code invalid/<case>.err}.
 *
 * <p>The case name picks the folder the file is read from: {@code snippet-*} from {@code
 * content/snippets/}, {@code page-*} from {@code content/}, the rest from {@code
 * content/articles/2026/}.
 */
class InvalidFrontMatterTest {
  private static final Path FOLDER = Golden.resources("invalid");

  @TestFactory
  Stream<DynamicTest> rejectsEachInvalidFile() {
    List<Path> cases = Golden.cases(FOLDER, ".md", ".err");
    return cases.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
  }

  private static void check(Path input) throws IOException {
    String name = input.getFileName().toString();
    String contentPath =
        name.startsWith("snippet-") ? "snippets/" + name
            : name.startsWith("page-") ? name
            : "articles/2026/" + name;
    String text = Files.readString(input, StandardCharsets.UTF_8);
    try {
      SourceFile source = new FrontMatterParser().parse("content/" + contentPath, text);
      new DocumentReader(DocumentReader.Settings.defaults()).read(source, contentPath);
      fail(name + " was accepted");
    } catch (ContentException e) {
      assertThat(e.diagnostics()).allMatch(Diagnostic::isError);
      String actual =
          e.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")) + "\n";
      Golden.check(input.resolveSibling(name.replace(".md", ".err")), actual);
    }
  }
}
