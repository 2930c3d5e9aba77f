package press.callback.cli;

import java.io.PrintWriter;
import java.util.Locale;
import press.callback.mail.Sender;

/**
 * The send's progress line: sent, failed, remaining, messages a second and the time left. On a
 * terminal it is rewritten in place a few times a second; otherwise a line every tenth of the
 * way.
 */
final class Progress {
  private final PrintWriter out;
  private final int total;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private long lastPrint;
  private int lastTenth = -1;
  private Sender.Report last;

  Progress(PrintWriter out, int total, boolean terminal) {
    this.out = out;
    this.total = total;
    this.terminal = terminal;
  }

  synchronized void update(Sender.Report r) {
    last = r;
    long now = System.nanoTime();
    int done = r.sent() + r.failed() + r.deferred() + r.alreadyDone() + r.uncertain().size();
    if (terminal) {
      if (now - lastPrint > 200_000_000L) {
        out.print("\r" + line(r, now) + "   ");
        out.flush();
        lastPrint = now;
      }
    } else {
      int tenth = total == 0 ? 10 : done * 10 / total;
      if (tenth != lastTenth && tenth > 0 && tenth < 10) {
        out.println(line(r, now));
        lastTenth = tenth;
      }
    }
  }

  synchronized void finish() {
    if (last != null && terminal) {
      out.print("\r" + line(last, System.nanoTime()) + "   \n");
    }
    out.flush();
  }

  private String line(Sender.Report r, long now) {
    double seconds = Math.max(0.001, (now - start) / 1e9);
    int done = r.sent() + r.failed() + r.deferred() + r.alreadyDone() + r.uncertain().size();
    int remaining = Math.max(0, total - done);
    double rate = r.sent() / seconds;
    String eta = rate > 0 ? format((long) (remaining / rate)) : "–";
    return String.format(Locale.ROOT, "press: sent %d · failed %d · remaining %d · %.0f msg/s · ETA %s",
        r.sent(), r.failed(), remaining, rate, eta);
  }

  private static String format(long seconds) {
    return seconds >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }
}
