package press.callback.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The ledger contract on the ledger file beside the project, with a CSV list. */
class FileLedgerIT extends LedgerContract {
  @Override
  protected Ledger.Place place(String issue, String destination) {
    return Ledger.file(tmp.resolve(".press/ledger").resolve(issue + "." + destination + ".log"), CLOCK, new ProcessLocks());
  }

  @Override
  protected List<String> list(Path project, List<String> subscribed) throws IOException {
    StringBuilder csv = new StringBuilder("email,name,status\n");
    subscribed.forEach(a -> csv.append(a).append(",,subscribed\n"));
    csv.append("gone@example.org,,unsubscribed\n").append("dead@example.org,,bounced\n");
    Path file = tmp.resolve("subscribers.csv");
    Files.writeString(file, csv);
    return List.of("--subscribers=" + file);
  }
}
