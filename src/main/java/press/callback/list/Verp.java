package press.callback.list;

import java.util.Locale;
import java.util.Optional;

/**
 * Variable envelope return paths: each message's envelope sender (MAIL FROM, the address bounces
 * go to) is the list's bounce address with the recipient's opaque {@linkplain Tokens#bounceId
 * bounce id} after a {@code +}: {@code bounce+1x3k9.2026-11-30.q7c2mz0d4e@callback.press}. A
 * bounce then names its member by the address it was sent to, even when the report itself is
 * malformed, forwarded, or names an address the member's server rewrote.
 */
public final class Verp {
  /** A local part's limit (RFC 5321). */
  private static final int LOCAL_PART = 64;

  private final String local;
  private final String domain;
  private final Tokens tokens;

  /**
   * @param bounceAddress {@code newsletter.bounce_address}, a bare address ({@code bounce@host})
   * @throws IllegalArgumentException when it is not a bare address or leaves no room for an id
   */
  public Verp(String bounceAddress, Tokens tokens) {
    int at = bounceAddress.lastIndexOf('@');
    if (at <= 0 || at == bounceAddress.length() - 1 || bounceAddress.indexOf('+') >= 0
        || bounceAddress.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>' || c >= 0x7f)) {
      throw new IllegalArgumentException("the bounce address must be a plain address without '+', like bounce@example.org: "
          + bounceAddress);
    }
    this.local = bounceAddress.substring(0, at);
    this.domain = bounceAddress.substring(at + 1).toLowerCase(Locale.ROOT);
    this.tokens = tokens;
    if (local.length() > 40) {
      throw new IllegalArgumentException("the bounce address's local part leaves no room for the recipient's id"
          + " (at most 40 characters): " + bounceAddress);
    }
  }

  /** The envelope sender of the message of {@code issue} (or {@code null}) to member {@code memberId}. */
  public String sender(long memberId, String issue) {
    return local + "+" + tokens.bounceId(memberId, issue, LOCAL_PART - local.length() - 1) + "@" + domain;
  }

  /**
   * The member a bounce was for, from the address the bounce was sent to (the report's {@code
   * To:}, {@code Delivered-To:} or envelope recipient): empty when it is not this list's bounce
   * address or its id is not genuine.
   */
  public Optional<Tokens.BounceId> recipient(String address) {
    if (address == null) {
      return Optional.empty();
    }
    String a = address.strip();
    if (a.startsWith("<") && a.endsWith(">")) {
      a = a.substring(1, a.length() - 1);
    }
    int at = a.lastIndexOf('@');
    int plus = a.indexOf('+');
    if (at < 0 || plus < 0 || plus > at
        || !a.substring(0, plus).equalsIgnoreCase(local)
        || !a.substring(at + 1).equalsIgnoreCase(domain)) {
      return Optional.empty();
    }
    return tokens.verifyBounceId(a.substring(plus + 1, at));
  }
}
