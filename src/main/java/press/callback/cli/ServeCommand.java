package press.callback.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import press.callback.serve.DevServer;
import press.callback.serve.Watcher;
import press.callback.site.LiveSite;
import press.callback.site.SiteBaker;

/** {@code press serve}: the preview the author keeps open while writing. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Bakes the site into its own folder (target/serve, never the site to publish), serves it on"
          + " http://127.0.0.1:8820/ and rebuilds what each saved change affects; open pages reload"
          + " themselves, and errors show over the page until fixed.",
      "Newsletter previews: http://127.0.0.1:8820/_press/newsletter/ . Stop with Ctrl+C."
    })
final class ServeCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--source", paramLabel = "DIR", description = "The project folder. Default: .")
  Path source = Path.of(".");

  @Option(names = "--port", paramLabel = "N", description = "The port (0: any free one). Default: 8820.")
  int port = 8820;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description = "The address to listen on. Default: 127.0.0.1, this machine only.")
  String host = "127.0.0.1";

  @Option(names = "--drafts", description = "Show drafts and future-dated content too, marked as such.")
  boolean drafts;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Where the preview is baked. Default: target/serve in the project folder.")
  Path output;

  @Option(
      names = "--today",
      paramLabel = "yyyy-MM-dd",
      converter = DateConverter.class,
      description = "The build date for the whole session. Default: today, read at every change.")
  LocalDate today;

  @Option(names = {"-v", "--verbose"}, description = "Show JBake's log and stack traces.")
  boolean verbose;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Logging.configure(verbose);
    if (port < 0 || port > 65535) {
      main.err().println("press: error: --port " + port + " is not a port\n  hint: use a number from 1024 to 65535, or 0");
      return ExitCodes.USAGE;
    }
    try {
      InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      main.err().println("press: error: --host " + host + " is not an address of this machine\n  hint: use 127.0.0.1");
      return ExitCodes.USAGE;
    }
    Path folder = output != null ? output : source.resolve("target").resolve("serve");
    Clock clock = today != null
        ? Clock.fixed(today.atStartOfDay(main.clock().getZone()).toInstant(), main.clock().getZone())
        : main.clock();
    if (OutputChecks.refused(main.err(),
        new SiteBaker.Request(source, folder.resolve("site"), folder.resolve("newsletter"), LocalDate.now(clock)),
        "--output", "--output")) {
      return ExitCodes.USAGE;
    }
    ServeConsole console = new ServeConsole(main.out(), main.err(), verbose);
    LiveSite site = new LiveSite(main.runtime().jbake(),
        new LiveSite.Settings(source, folder.resolve("site"), folder.resolve("newsletter"), drafts, clock),
        step -> main.out().println("press: " + step));
    long start = System.nanoTime();
    LiveSite.Update first;
    Throwable failure = null;
    try {
      first = site.bakeAll();
    } catch (Throwable e) { // as for every later change: shown, and the next save bakes again
      failure = e;
      first = site.failed(e);
    }
    console.diagnostics(first.diagnostics());
    console.failure(failure);
    if (first.ok()) {
      main.out().printf(Locale.ROOT, "press: baked %d files in %.1f s%n", first.files(), (System.nanoTime() - start) / 1e9);
    } else {
      main.err().println("press: the site has errors; serving what there is, and the errors over every page");
    }
    DevServer server = new DevServer(site, first, console::report);
    try {
      server.start(host, port);
    } catch (BindException e) {
      main.err().printf("press: error: cannot listen on %s:%d: %s%n  hint: stop the other server, or pass"
          + " --port %d (or --port 0 for any free port)%n", host, port, e.getMessage(), port + 1);
      return ExitCodes.CONTENT;
    }
    Watcher watcher = new Watcher(site.sourceFolders(), List.of(site.configFile()), Duration.ofMillis(30),
        new Watcher.Listener() {
          @Override
          public void changed(java.util.Set<Path> files) {
            server.changed(files);
          }

          @Override
          public void lostTrack() {
            server.rebakeAll();
          }
        },
        warning -> main.err().println("press: warning: " + warning));
    watcher.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        watcher.close();
      } catch (IOException e) {
        // exiting anyway
      }
      server.close();
      main.out().println("press: stopped");
      main.out().flush();
      stopped.countDown();
    }, "press-serve-stop"));
    main.out().println("press: serving " + server.address() + (drafts ? " with drafts" : "")
        + "  (newsletter previews: " + server.address() + "_press/newsletter/)");
    main.out().println("press: watching " + source.toAbsolutePath().normalize() + "; press Ctrl+C to stop");
    main.out().flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
