package press.callback.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import press.callback.list.JdbcListStore;
import press.callback.list.ListStoreException;
import press.callback.list.Member;
import press.callback.mail.SubscriberList;

/**
 * {@code press list forget ADDRESS}: "delete me", done by the author: the member, its history and
 * its pending confirmations erased; only a keyed hash of the address is kept, so no import or
 * sign-up adds it back.
 */
@Command(
    name = "forget",
    mixinStandardHelpOptions = true,
    description = {
      "Deletes an address from the list with its history (\"delete me\"). Only a keyed hash of the"
          + " address is kept, so that no import or sign-up adds it back."
    })
final class ListForgetCommand implements Callable<Integer> {
  @ParentCommand ListCommand list;
  @Mixin ListOptions options;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ADDRESS", description = "The email address to delete.")
  String address;

  @Override
  public Integer call() {
    Logging.configure(false);
    Main main = list.main;
    if (!SubscriberList.validAddress(address)) {
      throw new ParameterException(spec.commandLine(), "'" + address + "' is not an email address");
    }
    try (JdbcListStore store = options.open(main)) {
      Optional<Member> member = store.byAddress(address);
      if (member.isEmpty() || !store.forget(member.get().id(), main.clock().instant())) {
        main.err().println("press: error: " + address + " is not on the list"
            + (store.suppressed(address) ? " (it was deleted before; only its keyed hash is kept)" : ""));
        main.err().println("  hint: check the spelling; press list export shows every address");
        return ExitCodes.CONTENT;
      }
    } catch (ListStoreException e) {
      return ListOptions.report(main, e);
    }
    main.out().println("press: deleted " + address + " and its history; only a keyed hash of the address"
        + " is kept, so no import or sign-up adds it back");
    return ExitCodes.OK;
  }
}
