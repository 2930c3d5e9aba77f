package press.callback.diag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiagnosticTest {
  @Test
  void formatsLikeACompilerWithCaretAndHint() {
    Diagnostic d =
        Diagnostic.error("content/a.md", 3, 7, "'date' is not a date: x", "write yyyy-MM-dd")
            .withSourceLine("date: x");
    assertThat(d.format())
        .isEqualTo(
            "content/a.md:3:7: error: 'date' is not a date: x\n"
                + "    date: x\n"
                + "          ^\n"
                + "  hint: write yyyy-MM-dd");
  }

  @Test
  void leavesOutWhatIsUnknown() {
    assertThat(Diagnostic.error("content/a.md", 0, 0, "duplicate", "").format())
        .isEqualTo("content/a.md: error: duplicate");
    assertThat(Diagnostic.warning("content/a.md", 4, 0, "long", "shorten it").format())
        .isEqualTo("content/a.md:4: warning: long\n  hint: shorten it");
  }

  @Test
  void alignsTheCaretUnderTabs() {
    Diagnostic d = Diagnostic.error("t.ftl", 1, 3, "m", "").withSourceLine("\t\tx");
    assertThat(d.format()).isEqualTo("t.ftl:1:3: error: m\n      x\n      ^");
  }

  @Test
  void collectsUpToACapAndSortsByPosition() {
    Diagnostics ds = new Diagnostics(2);
    ds.add(Diagnostic.error("b.md", 1, 1, "x", ""));
    ds.add(Diagnostic.error("a.md", 9, 1, "y", ""));
    ds.add(Diagnostic.warning("a.md", 2, 1, "z", ""));
    assertThat(ds.errorCount()).isEqualTo(2);
    assertThat(ds.warningCount()).isEqualTo(1);
    assertThat(ds.dropped()).isEqualTo(1);
    assertThat(ds.sorted()).extracting(Diagnostic::location).containsExactly("a.md:9:1", "b.md:1:1");
  }

  @Test
  void aLongSourceLineIsShownAsAWindowAroundTheColumn() {
    String line = "> ".repeat(20_000) + "x";
    String shown = Diagnostic.error("content/deep.md", 6, 30_001, "nested too deeply", "close them sooner")
        .withSourceLine(line).format();
    String[] lines = shown.split("\n");
    org.assertj.core.api.Assertions.assertThat(lines[1]).hasSizeLessThan(200).startsWith("    …").endsWith("…");
    org.assertj.core.api.Assertions.assertThat(lines[2].indexOf('^')).isEqualTo(4 + 1 + 80);
    org.assertj.core.api.Assertions.assertThat(lines[1].charAt(lines[2].indexOf('^'))).isEqualTo(line.charAt(30_000));
  }
}
