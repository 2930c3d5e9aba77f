package press.callback.cli;

import press.callback.testing.TestSite;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.serve.DevServer;
import press.callback.site.LiveSite;

class ServeConsoleTest {
  @TempDir Path tmp;

  /**
   * Issue 14, item 5: a rebuild that throws is an error in the terminal, like the page's overlay;
   * its stack trace only with {@code --verbose}.
   */
  @Test
  void unexpectedFailureShowsItsStackOnlyWithVerbose() {
    StackOverflowError failure = new StackOverflowError();
    LiveSite site = new LiveSite(TestSite.JBAKE, new LiveSite.Settings(tmp, tmp.resolve("site"), tmp.resolve("newsletter"), false,
        Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC)), step -> {});
    DevServer.Report report = new DevServer.Report(site.failed(failure), 5_000_000, failure);

    String quiet = print(report, false);
    assertThat(quiet).startsWith("press: error: unexpected failure while rebuilding: java.lang.StackOverflowError")
        .contains("hint: save again to retry; if it happens again, run press serve --verbose")
        .contains("press: changes: 1 error; the pages show it until fixed")
        .doesNotContain("\tat ");

    String verbose = print(report, true);
    assertThat(verbose).startsWith("press: error: unexpected failure while rebuilding: java.lang.StackOverflowError")
        .contains("java.lang.StackOverflowError\n\tat press.callback.cli.ServeConsoleTest.unexpectedFailureShowsItsStackOnlyWithVerbose(");
  }

  private static String print(DevServer.Report report, boolean verbose) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    new ServeConsole(new PrintWriter(out), new PrintWriter(err), verbose).report(report);
    return err.toString().replace(System.lineSeparator(), "\n");
  }
}
