package press.callback.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code press unsubscribe} run by several processes at once on one list: none of them is lost. */
class UnsubscribeProcessesIT {
  @TempDir Path tmp;

  @Test
  void unsubscribesFromSeveralProcessesAtOnceLoseNone() throws Exception {
    int processes = 6;
    StringBuilder csv = new StringBuilder("email,name,status\n");
    for (int i = 0; i < processes; i++) {
      csv.append("r").append(i).append("@example.org,R,subscribed\n");
    }
    Path list = tmp.resolve("subscribers.csv");
    Files.writeString(list, csv);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String jar = Path.of(System.getProperty("press.jar", "target/press.jar")).toAbsolutePath().toString();

    List<Process> running = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      running.add(new ProcessBuilder(java, "-jar", jar, "unsubscribe", "r" + i + "@example.org", "--subscribers=" + list)
          .redirectErrorStream(true).start());
    }
    for (Process p : running) {
      p.getOutputStream().close();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(output).isZero();
    }

    assertThat(Files.readString(list)).isEqualTo(csv.toString().replace(",subscribed", ",unsubscribed"));
  }
}
