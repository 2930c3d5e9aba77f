/**
 * The bounce mailbox ({@code press list inbox}): a pure {@link
 * press.callback.list.inbox.ReportClassifier} (a message's bytes in, a {@link
 * press.callback.list.inbox.Classification} out: delivery status notifications, complaint reports,
 * mailed unsubscribes and sign-ups, auto-replies), the {@link press.callback.list.inbox.Intake}
 * that applies a classification to the list, and one {@link press.callback.list.inbox.Mailbox}
 * reader per source at the edge (IMAP, mbox, maildir).
 */
package press.callback.list.inbox;
