package press.callback.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.logging.LogManager;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Keeps JBake's, OrientDB's and FreeMarker's logs out of the author's terminal: press reports
 * what matters itself. {@code --verbose} lets them through.
 */
final class Logging {
  private Logging() {}

  static void configure(boolean verbose) {
    // OrientDB logs through java.util.logging: route it to SLF4J so one switch governs all.
    LogManager.getLogManager().reset();
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    java.util.logging.Logger.getLogger("").setLevel(
        verbose ? java.util.logging.Level.INFO : java.util.logging.Level.OFF);
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
      root.setLevel(verbose ? Level.INFO : Level.OFF);
    }
  }
}
