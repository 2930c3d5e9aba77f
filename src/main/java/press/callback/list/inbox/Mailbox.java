package press.callback.list.inbox;

import java.io.IOException;

/**
 * A mailbox to read the bounce reports from, one reader per source ({@link ImapMailbox}, {@link
 * MboxMailbox}, {@link MaildirMailbox}). What the handler handled is filed away as the source
 * allows; nothing is ever deleted that was not handled.
 */
public interface Mailbox extends AutoCloseable {
  /** What is done with each message. */
  interface Handler {
    /**
     * Handles one message (its raw bytes).
     *
     * @return whether it was handled: the mailbox then files it away (moves, flags or notes it)
     */
    boolean handle(byte[] raw);

    /** A message the mailbox knows was handled before (the mbox's note of handled messages). */
    void handledBefore();
  }

  /** Reads every message to file, in the mailbox's order. */
  void read(Handler handler) throws IOException;

  /** Where the handled messages go, for the summary ("moved to press-handled"). */
  String filing();

  @Override
  void close() throws IOException;
}
