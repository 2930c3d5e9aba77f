package press.callback.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoachCommandTest {
  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int press(String... args) {
    return new Main(new PrintWriter(out), new PrintWriter(err), Clock.systemUTC()).run(args);
  }

  @Test
  void printsTheFiguresAndWhatToChange() throws Exception {
    Path draft = tmp.resolve("draft.txt");
    Files.writeString(draft, "Subject: Quick question\n\nHi Ann,\n\nI read your post. Can we talk on Tuesday?\n\nThanks,\nBo\n");

    assertThat(press("coach", draft.toString())).isZero();

    assertThat(out.toString()).isEqualTo(
        "press coach: " + draft + "\n"
            + "  subject        \"Quick question\": 2 words ✗ (aim: 3–6)\n"
            + "  words          13 ✗ (aim: 50–125)\n"
            + "  sentences      4\n"
            + "  grade          -1.6 ✓ (Flesch–Kincaid; aim: 6 or lower)\n"
            + "  questions      1 ✓ (aim: 1–3)\n"
            + "  ends with ask  yes ✓\n"
            + "to change:\n"
            + "  - Add about 37 words: say who you are and why you write to them.\n"
            + "  - Lengthen the subject to 3–6 words (2 now).\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void everySnippetOfTheLibraryIsReadyToSend() throws Exception {
    try (var files = Files.list(Path.of("content/snippets"))) {
      for (Path snippet : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
        out.getBuffer().setLength(0);
        assertThat(press("coach", snippet.toString())).isZero();
        assertThat(out.toString()).as(snippet.toString()).contains("  ends with ask  yes ✓").doesNotContain("words          0");
      }
    }
  }

  @Test
  void aFreshScaffoldIsNotReadyToSend() throws Exception {
    Path draft = tmp.resolve("fresh.md");
    Files.writeString(draft, press.callback.content.Scaffold.snippet("Ask", java.time.LocalDate.of(2026, 12, 4),
        java.util.List.of("Skip the voice mail", "Find the address"), null).text());

    assertThat(press("coach", draft.toString())).isZero();

    assertThat(out.toString()).doesNotContain("ready to send")
        .endsWith("not yet written: this is still press new's guide text (\"Write the email as you would send it:"
            + " every line break here is kept.\"); write your email in its place, then coach it\n");
  }

  @Test
  void aMissingFileIsAClearError() {
    assertThat(press("coach", tmp.resolve("nope.txt").toString())).isEqualTo(1);
    assertThat(err.toString()).isEqualTo(tmp.resolve("nope.txt") + ": error: file not found\n"
        + "  hint: pass the path of a text or Markdown file\n");
  }
}
