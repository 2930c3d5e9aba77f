package press.callback.newsletter;

/**
 * One issue as email.
 *
 * @param issue the issue
 * @param html {@code email.html}: inlined, absolute, with the preheader
 * @param text {@code email.txt}: the plain-text part
 * @param eml {@code email.eml}: the whole message, CRLF line ends
 */
public record Email(Issue issue, String html, String text, byte[] eml) {}
