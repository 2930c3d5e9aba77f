package press.callback.cli;

import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code press}: bakes the Callback Press website from Markdown with JBake.
 *
 * <p>{@link #run} returns the exit code; only {@link #main} exits the JVM.
 */
@Command(
    name = "press",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    subcommands = {
      BakeCommand.class,
      ServeCommand.class,
      CheckCommand.class,
      SendCommand.class,
      UnsubscribeCommand.class,
      ListCommand.class,
      NewCommand.class,
      CoachCommand.class,
      CommandLine.HelpCommand.class
    },
    description = {
      "Callback Press: bakes the website and the weekly newsletter from content/, templates/ and"
          + " assets/, sends the newsletter, and starts new pieces as drafts."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  done",
      "  1  errors in content, templates or configuration (printed as file:line:col)",
      "  2  wrong command line",
      "  3  unexpected failure (rerun with --verbose)"
    })
public final class Main implements Runnable {
  private final PrintWriter out;
  private final PrintWriter err;
  private final Clock clock;
  private final java.util.Map<String, String> env;
  private final boolean interactive;
  private final PressRuntime runtime;
  /** Whether this press made its runtime, and so closes it after each run. */
  private final boolean ownsRuntime;

  @Spec CommandSpec spec;

  /** A press whose environment is the process's. */
  public Main(PrintWriter out, PrintWriter err, Clock clock) {
    this(out, err, clock, System.getenv(), System.console() != null);
  }

  /**
   * A press with a runtime of its own (see {@link PressRuntime}), closed at the end of each
   * {@link #run}.
   */
  public Main(PrintWriter out, PrintWriter err, Clock clock, java.util.Map<String, String> env, boolean interactive) {
    this(out, err, clock, env, interactive, new PressRuntime(), true);
  }

  /**
   * @param env the environment variables (secrets come only from here)
   * @param interactive whether output goes to a terminal (progress lines are redrawn in place)
   * @param runtime what the process shares between commands (the caller closes it)
   */
  public Main(PrintWriter out, PrintWriter err, Clock clock, java.util.Map<String, String> env, boolean interactive,
      PressRuntime runtime) {
    this(out, err, clock, env, interactive, runtime, false);
  }

  private Main(PrintWriter out, PrintWriter err, Clock clock, java.util.Map<String, String> env, boolean interactive,
      PressRuntime runtime, boolean ownsRuntime) {
    this.out = out;
    this.err = err;
    this.clock = clock;
    this.env = java.util.Map.copyOf(env);
    this.interactive = interactive;
    this.runtime = runtime;
    this.ownsRuntime = ownsRuntime;
  }

  PressRuntime runtime() {
    return runtime;
  }

  String env(String name) {
    return env.get(name);
  }

  boolean interactive() {
    return interactive;
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  Clock clock() {
    return clock;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "say which command to run, for example: press bake");
  }

  /** Runs {@code press} with {@code args} and returns the exit code. */
  public int run(String... args) {
    CommandLine cl = new CommandLine(this);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          boolean verbose = parseResult.originalArgs().contains("--verbose")
              || parseResult.originalArgs().contains("-v");
          err.println("press: unexpected failure: " + e);
          if (verbose) {
            e.printStackTrace(err);
          } else {
            err.println("press: rerun with --verbose for the stack trace");
          }
          err.flush();
          return ExitCodes.INTERNAL;
        });
    int code;
    try {
      code = cl.execute(args);
    } finally {
      if (ownsRuntime) {
        runtime.close();
      }
    }
    out.flush();
    err.flush();
    return code;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    Main main = new Main(out, err, Clock.systemDefaultZone(), System.getenv(), System.console() != null,
        new PressRuntime(), true);
    System.exit(main.run(args)); // closes its runtime
  }
}
