/**
 * The weekly newsletter: issue assembly, and the email pipeline after the template — CSS
 * inlining, absolute links, image sizes, the hidden preheader, the plain-text part and the email
 * quality gate.
 *
 * <p>Pure: documents and HTML in, values and diagnostics out. Templates are rendered through the
 * {@link press.callback.newsletter.TemplateRenderer} the caller passes in.
 */
package press.callback.newsletter;
