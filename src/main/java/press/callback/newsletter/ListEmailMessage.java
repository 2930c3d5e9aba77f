package press.callback.newsletter;

import press.callback.content.ListEmail;

/**
 * One list email as baked: what the list service sends, once its placeholders are filled.
 *
 * @param email the email's source
 * @param html {@code email.html}: inlined, absolute, with the preheader
 * @param text {@code email.txt}: the plain-text part
 * @param eml {@code email.eml}: the whole message without list headers, CRLF line ends
 */
public record ListEmailMessage(ListEmail email, String html, String text, byte[] eml) {}
