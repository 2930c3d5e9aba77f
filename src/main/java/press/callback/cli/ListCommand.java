package press.callback.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code press list}: the subscriber list's commands, each its own class. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    subcommands = {ListServeCommand.class},
    description = {"The subscriber list: the service readers join and leave by."})
final class ListCommand implements Runnable {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "say which list command to run, for example: press list serve");
  }
}
