/**
 * The weekly newsletter: issue assembly, and the email pipeline from the email templates on — the
 * templates rendered with a FreeMarker configuration of its own ({@link
 * press.callback.newsletter.EmailTemplates}), CSS inlining, absolute links, image sizes, the
 * hidden preheader, the plain-text part, the headers and the email quality gate.
 *
 * <p>Pure: the catalog's entries and settings in, {@link press.callback.newsletter.Email} values
 * and diagnostics out. Templates are read through the FreeMarker template loader the caller
 * passes in; the MIME message is written from the {@code Email} by {@code mail.MimeWriter}. No
 * JBake, no {@code site}, no {@code mail}.
 */
package press.callback.newsletter;
