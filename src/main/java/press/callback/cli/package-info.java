/**
 * The {@code press} command line: one picocli class per command, diagnostics printed once, exit
 * codes chosen here and only here.
 */
package press.callback.cli;
