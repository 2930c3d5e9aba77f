/**
 * Email as bytes and on the wire: MIME messages (Jakarta Mail), and later the subscriber list,
 * the send ledger and the transports.
 */
package press.callback.mail;
