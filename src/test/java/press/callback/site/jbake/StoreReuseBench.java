package press.callback.site.jbake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import press.callback.site.LiveSite;

/**
 * The dev server's full rebuild ({@link LiveSite#bakeAll}) with the store kept by the host from
 * bake to bake, and with a new store for each bake (the host's store closed before it, as every
 * bake did before the host kept it): several rounds in alternation in one JVM, after warm-up.
 *
 * <p>Usage (after {@code mvn -o -q test-compile}): {@code java -cp target/test-classes:target/classes:CP
 * press.callback.site.jbake.StoreReuseBench [SOURCE] [ROUNDS]} (SOURCE default: this project).
 */
public final class StoreReuseBench {
  public static void main(String[] args) throws Exception {
    Path source = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    Path out = Files.createTempDirectory("store-reuse-bench");
    Clock clock = Clock.fixed(LocalDate.of(2026, 12, 7).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    JbakeHost host = new JbakeHost();
    LiveSite site = new LiveSite(host,
        new LiveSite.Settings(source, out.resolve("site"), out.resolve("newsletter"), false, clock), step -> {});
    for (int i = 0; i < 3; i++) { // warm-up: class loading, JIT
      check(site.bakeAll());
    }
    List<Double> kept = new ArrayList<>();
    List<Double> fresh = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      kept.add(time(site));
      host.close(); // the next bake starts a store of its own
      fresh.add(time(site));
    }
    host.close();
    double k = median(kept);
    double f = median(fresh);
    System.out.printf("kept store:  median %.0f ms %s%n", k, kept);
    System.out.printf("new store:   median %.0f ms %s%n", f, fresh);
    System.out.printf("ratio kept/new: %.2f (saves %.0f ms a rebuild)%n", k / f, f - k);
    System.exit(0);
  }

  private static double time(LiveSite site) {
    long start = System.nanoTime();
    check(site.bakeAll());
    return Math.round((System.nanoTime() - start) / 1e5) / 10.0;
  }

  private static void check(LiveSite.Update update) {
    if (!update.ok()) {
      throw new IllegalStateException("the bake failed: " + update.diagnostics());
    }
  }

  private static double median(List<Double> xs) {
    List<Double> s = xs.stream().sorted().toList();
    return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
  }
}
