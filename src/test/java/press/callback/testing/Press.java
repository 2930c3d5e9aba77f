package press.callback.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import press.callback.cli.Main;

/** Runs {@code press} in this JVM with a given environment and captures its output. */
public final class Press {
  /** What a run printed and returned. */
  public record Run(int exit, String out, String err) {}

  private Press() {}

  public static Run run(Map<String, String> env, String... args) {
    return run(Clock.systemUTC(), env, args);
  }

  /** As {@link #run(Map, String...)}, at the time {@code clock} says. */
  public static Run run(Clock clock, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new Main(new PrintWriter(out), new PrintWriter(err), clock, env, false).run(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
