package press.callback.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import press.callback.diag.ContentException;
import press.callback.mail.SubscriberList;
import press.callback.mail.SubscriberUpdate;
import press.callback.mail.UnsubscribeToken;
import press.callback.site.SiteProject;

/** {@code press unsubscribe}: mark one row of the list unsubscribed, by address or token. */
@Command(
    name = "unsubscribe",
    mixinStandardHelpOptions = true,
    description = {
      "Marks a subscriber unsubscribed in the list, by address or by the token of an unsubscribe"
          + " link (verified with PRESS_UNSUBSCRIBE_SECRET and newsletter.list_id)."
    })
final class UnsubscribeCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ADDRESS|TOKEN", description = "An email address, or a token from an unsubscribe link.")
  String who;

  @Option(names = "--subscribers", required = true, paramLabel = "FILE", description = "The CSV list to update.")
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
    try {
      SubscriberUpdate.Result r = SubscriberUpdate.unsubscribe(subscribers, address);
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
}
