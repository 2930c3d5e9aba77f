package press.callback.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import press.callback.diag.ContentException;
import press.callback.list.JdbcListStore;
import press.callback.list.ListStatus;
import press.callback.list.ListStoreException;
import press.callback.list.Member;
import press.callback.mail.SubscriberList;
import press.callback.mail.SubscriberUpdate;
import press.callback.mail.UnsubscribeToken;
import press.callback.site.jbake.SiteProject;

/** {@code press unsubscribe}: mark one row of the list unsubscribed, by address or token. */
@Command(
    name = "unsubscribe",
    mixinStandardHelpOptions = true,
    description = {
      "Marks a subscriber unsubscribed in the list, by address or by the token of an unsubscribe"
          + " link (verified with PRESS_UNSUBSCRIBE_SECRET and newsletter.list_id): in the CSV file"
          + " given with --subscribers, or else in the list's database."
    })
final class UnsubscribeCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ADDRESS|TOKEN", description = "An email address, or a token from an unsubscribe link.")
  String who;

  @Option(names = "--subscribers", paramLabel = "FILE",
      description = "The CSV list to update. Without it, the list's database (newsletter.list_db).")
  Path subscribers;

  @Option(names = "--source", paramLabel = "DIR", description = "The project folder (for newsletter.list_id). Default: .")
  Path source = Path.of(".");

  @Override
  public Integer call() throws Exception {
    Logging.configure(false);
    String address = who;
    if (!who.contains("@")) {
      String secret = main.env("PRESS_UNSUBSCRIBE_SECRET");
      if (secret == null || secret.isEmpty()) {
        main.err().println("press: set PRESS_UNSUBSCRIBE_SECRET to verify the token");
        return ExitCodes.CONTENT;
      }
      String listId;
      try {
        listId = SiteProject.load(source, source.resolve("target/site")).emailSettings().listId();
      } catch (ContentException e) {
        e.diagnostics().forEach(d -> main.err().println(d.format()));
        return ExitCodes.CONTENT;
      }
      try {
        address = new UnsubscribeToken(secret, listId).verify(who).orElse(null);
      } catch (IllegalArgumentException e) {
        main.err().println("press: " + e.getMessage());
        return ExitCodes.CONTENT;
      }
      if (address == null) {
        main.err().println("press: the token is not genuine (wrong secret or list, or altered)");
        return ExitCodes.CONTENT;
      }
    } else if (!SubscriberList.validAddress(who)) {
      throw new ParameterException(spec.commandLine(), "'" + who + "' is not an email address");
    }
    if (subscribers == null) {
      return unsubscribeInStore(address);
    }
    try {
      SubscriberUpdate.Result r = SubscriberUpdate.unsubscribe(subscribers, address, main.runtime().locks());
      switch (r) {
        case UPDATED -> main.out().println("press: unsubscribed " + address + " in " + subscribers);
        case ALREADY -> main.out().println("press: " + address + " was already unsubscribed");
        case NOT_FOUND -> {
          main.err().println("press: " + address + " is not in " + subscribers);
          return ExitCodes.CONTENT;
        }
        default -> throw new IllegalStateException();
      }
      return ExitCodes.OK;
    } catch (ContentException e) {
      e.diagnostics().forEach(d -> main.err().println(d.format()));
      return ExitCodes.CONTENT;
    }
  }

  /** Unsubscribes {@code address} in the list's database (newsletter.list_db). */
  private int unsubscribeInStore(String address) {
    ListOptions list = new ListOptions();
    list.source = source;
    try {
      if (!list.storeExists()) {
        throw new ParameterException(spec.commandLine(), "no list to update: give the CSV list with --subscribers FILE,"
            + " or create the list's database with press list import FILE.csv");
      }
      try (JdbcListStore store = list.open(main)) {
        Optional<Member> member = store.byAddress(address);
        if (member.isEmpty()) {
          main.err().println("press: " + address + " is not in the list's database");
          return ExitCodes.CONTENT;
        }
        if (store.setStatus(member.get().id(), ListStatus.UNSUBSCRIBED, main.clock().instant(), "cli")) {
          main.out().println("press: unsubscribed " + address + " in the list's database");
        } else {
          main.out().println("press: " + address + " was already unsubscribed");
        }
        return ExitCodes.OK;
      }
    } catch (ListStoreException e) {
      return ListOptions.report(main, e);
    }
  }
}
