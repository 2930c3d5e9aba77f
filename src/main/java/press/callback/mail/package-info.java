/**
 * Email as bytes and on the wire: MIME messages (Jakarta Mail), the subscriber list, the send
 * ledger and the transports, and when a baked issue is due ({@link press.callback.mail.DueIssue},
 * a pure decision).
 */
package press.callback.mail;
