/**
 * The relays' webhooks, read: an Amazon SNS message (its signature checked against the signing
 * certificate it names), a Postmark or a Mailgun event turned into the {@link
 * press.callback.list.Feedback} reports the store applies once each. Pure: the bodies, keys,
 * certificates and clock come in as values; fetching a certificate and answering HTTP are the
 * service's ({@code press.callback.list.service.Webhooks}).
 */
package press.callback.list.hooks;
