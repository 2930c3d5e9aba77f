package press.callback.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.testing.LoopbackHttp;
import press.callback.testing.Press;
import press.callback.testing.TestSite;

/** {@code press check --external} against a web server on loopback (never the internet). */
class CheckExternalIT {
  @TempDir Path tmp;
  private final LoopbackHttp server = new LoopbackHttp();

  @AfterEach
  void stop() {
    server.close();
  }

  private Path projectLinkingTo(String... paths) {
    Path project = TestSite.create(tmp, "basic");
    StringBuilder body = new StringBuilder();
    for (String p : paths) {
      body.append("- [").append(p.substring(1)).append("](").append(server.url(p)).append(")\n");
    }
    TestSite.write(project.resolve("content/links.md"), "---\ntitle: Links\nsummary: Elsewhere.\n---\n\n" + body);
    return project;
  }

  private Press.Run check(Path project, String... more) {
    String[] args = {"check", "--source", project.toString(), "--output", tmp.resolve("site").toString(), "--today", "2026-11-27"};
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return Press.run(Map.of(), all);
  }

  @Test
  void externalLinksAreNotAskedForByDefault() {
    Press.Run run = check(projectLinkingTo("/gone"));

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(server.total()).isZero();
  }

  @Test
  void aGoneLinkIsAnErrorAtItsMarkdownLineAndASlowOneAWarning() {
    Path project = projectLinkingTo("/ok", "/gone", "/no-head", "/slow", "/moved");

    Press.Run run = check(project, "--external", "--timeout", "0.5");

    assertThat(run.exit()).isEqualTo(ExitCodes.CONTENT);
    assertThat(run.out()).contains("press: asking 5 external addresses\n", "press: 3 external addresses answered, 2 did not work");
    assertThat(run.err()).isEqualTo(
        "content/links.md:7:10: error: link " + server.url("/gone") + " is gone: HTTP 404\n"
            + "    - [gone](" + server.url("/gone") + ")\n"
            + "             ^\n"
            + "  hint: update the address or remove the link\n"
            + "content/links.md:9:10: warning: link " + server.url("/slow") + ": no answer within 0.5 s\n"
            + "    - [slow](" + server.url("/slow") + ")\n"
            + "             ^\n"
            + "  hint: open it in a browser; check the address\n"
            + "press: check failed: 1 error, 1 warning\n");
    assertThat(server.methods("/no-head")).containsExactly("HEAD", "GET");
    assertThat(server.methods("/gone")).containsExactly("HEAD");
  }

  @Test
  void warningsAloneDoNotFailTheCheck() {
    Press.Run run = check(projectLinkingTo("/ok", "/down"), "--external", "--timeout", "0.5");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).startsWith("content/links.md:7:10: warning: link " + server.url("/down") + " answers HTTP 503\n");
    assertThat(run.out()).contains("press: check passed: 0 errors, 1 warning");
  }
}
