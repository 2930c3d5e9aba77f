package press.callback.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code press list}: the subscriber list in its database. Each subcommand is a class of its own
 * that shares {@link ListOptions}; a new one is added to {@code subcommands} below.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    subcommands = {
      ListImportCommand.class,
      ListExportCommand.class,
      ListStatsCommand.class,
      ListForgetCommand.class,
      ListServeCommand.class,
      ListInboxCommand.class
    },
    description = {
      "The subscriber list in its database (newsletter.list_db in jbake.properties; default"
          + " jdbc:sqlite:.press/list.db; the password of a PostgreSQL database from PRESS_LIST_DB_PASSWORD)."
    })
final class ListCommand implements Runnable {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "say which list command to run, for example: press list stats");
  }
}
