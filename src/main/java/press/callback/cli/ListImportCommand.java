package press.callback.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;
import press.callback.list.JdbcListStore;
import press.callback.list.ListStatus;
import press.callback.list.ListStore.Imported;
import press.callback.list.ListStoreException;
import press.callback.mail.Subscriber;
import press.callback.mail.SubscriberList;

/**
 * {@code press list import FILE.csv}: a CSV list ({@code email,name,status}) into the database,
 * statuses kept. Nothing is imported from a file with a line that cannot be read; a row that is
 * wrong, or an address deleted on request, is skipped and reported at its line.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports a CSV list (email,name,status; UTF-8, a byte order mark allowed) into the list's"
          + " database: new addresses added, the status and name of known ones updated. Addresses"
          + " deleted on request are skipped."
    })
final class ListImportCommand implements Callable<Integer> {
  @ParentCommand ListCommand list;
  @Mixin ListOptions options;

  @Parameters(index = "0", paramLabel = "FILE.csv", description = "The list to import.")
  Path file;

  @Override
  public Integer call() {
    Logging.configure(false);
    Main main = list.main;
    String display = file.toString();
    List<Diagnostic> problems = new ArrayList<>();
    List<Subscriber> rows = new ArrayList<>();
    int errors;
    int skipped;
    try (SubscriberList csv = SubscriberList.open(file, display, problems::add)) {
      csv.forEach(rows::add);
      errors = csv.errorCount();
      skipped = csv.skippedCount();
    } catch (ContentException e) {
      e.diagnostics().forEach(d -> main.err().println(d.format()));
      return ExitCodes.CONTENT;
    }
    if (errors > 0) {
      problems.forEach(d -> main.err().println(d.format()));
      main.err().println("press: nothing imported: " + errors + (errors == 1 ? " line" : " lines")
          + " of " + display + " cannot be read");
      return ExitCodes.CONTENT;
    }
    Map<Imported, Integer> counts = new EnumMap<>(Imported.class);
    Instant now = main.clock().instant();
    try (JdbcListStore store = options.open(main)) {
      for (Subscriber s : rows) {
        ListStatus status = ListStatus.of(s.status().word()).orElseThrow();
        Imported r = store.put(s.email(), s.name(), status, now, "import");
        counts.merge(r, 1, Integer::sum);
        if (r == Imported.SUPPRESSED) {
          problems.add(Diagnostic.warning(display, s.line(), 0, "skipped: the address was deleted on request",
              "a deleted address is never added back; remove the row"));
        }
      }
    } catch (ListStoreException e) {
      problems.stream().sorted(Diagnostic.BY_POSITION).forEach(d -> main.err().println(d.format()));
      return ListOptions.report(main, e);
    }
    problems.stream().sorted(Diagnostic.BY_POSITION).forEach(d -> main.err().println(d.format()));
    skipped += counts.getOrDefault(Imported.SUPPRESSED, 0);
    main.out().println("press: imported " + display + ": " + counts.getOrDefault(Imported.ADDED, 0) + " added, "
        + counts.getOrDefault(Imported.UPDATED, 0) + " updated, " + counts.getOrDefault(Imported.UNCHANGED, 0)
        + " unchanged, " + skipped + " skipped");
    return ExitCodes.OK;
  }
}
